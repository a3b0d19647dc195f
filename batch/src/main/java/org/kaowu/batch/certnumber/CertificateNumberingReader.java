package org.kaowu.batch.certnumber;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.CertificateNumberingService;

import java.io.Serializable;
import java.util.List;

/**
 * The position's passers without a number, in ticket-number order, loaded when the partition opens — on a
 * restart too, so passers numbered before the stop or crash are simply not there any more (no offset to trust).
 * The checkpoint (passers handed out in this execution) is only informational.
 */
@Dependent
@Named("certificateNumberingReader")
public class CertificateNumberingReader extends AbstractItemReader {

    @EJB
    private CertificateNumberingService numbering;
    @Inject
    private JobContext job;
    @Inject
    private StepContext step;
    @Inject
    @BatchProperty(name = "positionId")
    private String positionId;

    private List<CertificateNumberingService.Passer> passers;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        if (positionId == null || positionId.isBlank()) {
            passers = List.of();
            return;
        }
        CertificateNumberingService.Setup setup = numbering.setup(CertificateNumberingParameters.runId(job),
                Long.valueOf(positionId));
        step.setTransientUserData(setup);
        passers = numbering.unnumbered(setup.batchId(), setup.positionId());
        next = 0;
    }

    @Override
    public Object readItem() {
        return next < passers.size() ? passers.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
