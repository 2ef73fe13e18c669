"""The item models' public names in one place; each lives in the module of its concern."""

from desktop.clause_filter import (GAP_FILTER, NOT_APPLICABLE, RECHECK, UNREVIEWED, ClauseFilterProxy,
                                   filter_key)
from desktop.clause_table import STATUS_ORDER, UNSAVED_TIP, ClauseRow, ClauseTableModel, build_row, build_rows
from desktop.model_common import (Index, ItemRole, MatchRole, NotApplicableRole, ProvincialSectionRole,
                                  RecheckRole, ReviewedRole, SearchRole, SectionIdRole, SectionRole, SortRole,
                                  StatusRole, UnsavedRole, describe_item, location, section_name, swatch)
from desktop.outline_models import NationalOutlineModel, ProvincialOutlineModel
from desktop.review_lists import CandidateModel, DecisionListModel, HistoryModel, decision_label

__all__ = [
    "GAP_FILTER", "NOT_APPLICABLE", "RECHECK", "STATUS_ORDER", "UNREVIEWED", "UNSAVED_TIP",
    "CandidateModel", "ClauseFilterProxy", "ClauseRow", "ClauseTableModel", "DecisionListModel",
    "HistoryModel", "Index", "ItemRole", "MatchRole", "NationalOutlineModel", "NotApplicableRole",
    "ProvincialOutlineModel", "ProvincialSectionRole", "RecheckRole", "ReviewedRole", "SearchRole",
    "SectionIdRole", "SectionRole", "SortRole", "StatusRole", "UnsavedRole", "build_row", "build_rows",
    "decision_label", "describe_item", "filter_key", "location", "section_name", "swatch",
]
