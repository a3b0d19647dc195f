package org.kaowu.service;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.kaowu.domain.exam.BatchSite;
import org.kaowu.domain.exam.BatchStatus;
import org.kaowu.domain.exam.ExamBatch;
import org.kaowu.domain.exam.ExamBatchRepository;
import org.kaowu.domain.exam.ExamSite;
import org.kaowu.domain.exam.ExamSiteRepository;
import org.kaowu.domain.exam.Position;
import org.kaowu.domain.exam.PositionRepository;
import org.kaowu.exception.BusinessException;
import org.kaowu.exception.NotFoundException;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** Exam sites, positions and batches: what candidates can register for. */
@Stateless
public class ExamService {

    @Inject
    private ExamSiteRepository sites;
    @Inject
    private PositionRepository positions;
    @Inject
    private ExamBatchRepository batches;
    @Inject
    private Clock clock;

    public ExamSite createSite(@NotNull @Valid ExamSite site) {
        if (sites.findByCode(site.getCode()).isPresent()) {
            throw new BusinessException("site.codeTaken", site.getCode());
        }
        return sites.persist(site);
    }

    public Position createPosition(@NotNull @Valid Position position) {
        if (positions.findByCode(position.getCode()).isPresent()) {
            throw new BusinessException("position.codeTaken", position.getCode());
        }
        return positions.persist(position);
    }

    public ExamBatch createBatch(@NotNull @Valid ExamBatch batch) {
        if (batches.findByCode(batch.getCode()).isPresent()) {
            throw new BusinessException("batch.codeTaken", batch.getCode());
        }
        requireConsistentSchedule(batch);
        return batches.persist(batch);
    }

    /** Lets a site take part in a batch with the given number of seats. */
    public BatchSite addSite(@NotNull Long batchId, @NotNull Long siteId, @Min(0) int seats) {
        ExamBatch batch = batch(batchId);
        ExamSite site = sites.find(siteId).orElseThrow(() -> new NotFoundException("site.notFound"));
        if (batches.findSite(batch, site).isPresent()) {
            throw new BusinessException("batch.siteAlreadyAdded", site.getName());
        }
        return batches.persist(new BatchSite(batch, site, seats));
    }

    public void addPosition(@NotNull Long batchId, @NotNull Long positionId) {
        ExamBatch batch = batch(batchId);
        Position position = positions.find(positionId).orElseThrow(() -> new NotFoundException("position.notFound"));
        batch.getPositions().add(position);
    }

    public void open(@NotNull Long batchId) {
        ExamBatch batch = batch(batchId);
        requireConsistentSchedule(batch);
        batch.setStatus(BatchStatus.OPEN);
    }

    public ExamBatch batch(@NotNull Long batchId) {
        return batches.find(batchId).orElseThrow(() -> new NotFoundException("batch.notFound"));
    }

    public Optional<ExamBatch> findBatchByCode(String code) {
        return batches.findByCode(code);
    }

    public Optional<ExamSite> findSiteByCode(String code) {
        return sites.findByCode(code);
    }

    public Optional<Position> findPositionByCode(String code) {
        return positions.findByCode(code);
    }

    public List<ExamBatch> batchesOpenForRegistration() {
        return batches.findOpenForRegistration(LocalDateTime.now(clock));
    }

    public List<BatchSite> sitesOf(@NotNull Long batchId) {
        return batches.findSites(batch(batchId));
    }

    private static void requireConsistentSchedule(ExamBatch batch) {
        List<String> problems = batch.getSchedule().problems();
        if (!problems.isEmpty()) {
            throw new BusinessException(problems.get(0));
        }
    }
}
