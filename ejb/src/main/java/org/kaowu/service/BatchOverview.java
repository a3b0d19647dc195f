package org.kaowu.service;

import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.registration.Registration;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * A batch open for registration as one candidate sees it on 考试报名: the batch, its fee range, and the
 * candidate's own registration for it, if any.
 */
public record BatchOverview(ExamBatch batch, BigDecimal minFee, BigDecimal maxFee, Registration registration,
                            boolean open) implements Serializable {
}
