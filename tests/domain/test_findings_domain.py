from datetime import date

import pytest

from acceptance_app.domain.enums import FindingStatus, PartyRole
from acceptance_app.domain.findings import (
    DEFAULT_BLOCKING_RULE,
    CommitmentData,
    CommitmentKind,
    CommitmentStatus,
    FindingAction,
    FindingData,
    StepNotAllowed,
    allowed_actions,
    blocks_opinion,
    check_commitment,
    next_status,
    validate_commitment,
    validate_finding,
)
from acceptance_app.domain.problems import KnownError


def test_the_loop_open_rectified_failed_rectified_closed() -> None:
    status = FindingStatus.OPEN
    for action, expected in [
        (FindingAction.RECTIFY, FindingStatus.RECTIFIED),
        (FindingAction.RECHECK_FAIL, FindingStatus.OPEN),
        (FindingAction.RECTIFY, FindingStatus.RECTIFIED),
        (FindingAction.RECHECK_PASS, FindingStatus.CLOSED),
    ]:
        status = next_status(status, action)
        assert status is expected
    assert allowed_actions(status) == []


@pytest.mark.parametrize(("status", "action"), [
    (FindingStatus.OPEN, FindingAction.RECHECK_PASS),
    (FindingStatus.OPEN, FindingAction.RECHECK_FAIL),
    (FindingStatus.RECTIFIED, FindingAction.RECTIFY),
    (FindingStatus.CLOSED, FindingAction.RECTIFY),
])
def test_steps_out_of_order_are_refused(status: FindingStatus, action: FindingAction) -> None:
    with pytest.raises(StepNotAllowed):
        next_status(status, action)


def test_finding_validation_names_the_field() -> None:
    assert [p.field for p in validate_finding(FindingData("  ", deadline_days=0))] == ["description", "deadline_days"]
    assert validate_finding(FindingData("防火门闭门器缺失", deadline_days=10)) == []


def test_commitment_rules() -> None:
    assert blocks_opinion(CommitmentKind.DEFERRED) and not blocks_opinion(CommitmentKind.PROMISE)
    strict = {**DEFAULT_BLOCKING_RULE, CommitmentKind.PROMISE: True}
    assert blocks_opinion(CommitmentKind.PROMISE, strict)
    data = CommitmentData(CommitmentKind.PROMISE, "", "三个月内移交", PartyRole.BUILDER, date(2026, 1, 1))
    assert [p.field for p in validate_commitment(data, today=date(2026, 2, 1))] == ["subject", "due_on"]
    assert check_commitment(CommitmentStatus.OPEN, CommitmentStatus.FULFILLED) is CommitmentStatus.FULFILLED
    with pytest.raises(KnownError):
        check_commitment(CommitmentStatus.FULFILLED, CommitmentStatus.BROKEN)
