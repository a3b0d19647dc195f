package org.kaowu.batch.certnumber;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.CertificateNumberingService;

import java.util.ArrayList;
import java.util.List;

/**
 * Numbers a chunk through {@link CertificateNumberingService#numberChunk}, inside the chunk's transaction: the
 * certificates, the run's figure and the notifications commit with the checkpoint, or not at all. The last number
 * written is only a hint for the next chunk's search (a rolled-back chunk's hint finds nothing and the whole
 * sequence is searched), never the source of the next number.
 */
@Dependent
@Named("certificateNumberingWriter")
public class CertificateNumberingWriter extends AbstractItemWriter {

    @EJB
    private CertificateNumberingService numbering;
    @Inject
    private StepContext step;

    /** The last number this partition wrote: where the next chunk starts looking for the sequence's highest. */
    private String lastNumber;

    @Override
    public void writeItems(List<Object> items) {
        CertificateNumberingService.Setup setup = (CertificateNumberingService.Setup) step.getTransientUserData();
        List<CertificateNumberingService.Passer> passers = new ArrayList<>(items.size());
        for (Object item : items) {
            passers.add((CertificateNumberingService.Passer) item);
        }
        lastNumber = numbering.numberChunk(setup, passers, lastNumber);
    }
}
