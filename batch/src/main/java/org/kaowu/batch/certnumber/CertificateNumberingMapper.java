package org.kaowu.batch.certnumber;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.CertificateNumberingService;

import java.util.List;
import java.util.Properties;

/**
 * One partition per position of the batch, by position id (the same plan on every restart), on at most two
 * threads: the machine has two cores and the partitions' writers mostly wait on the database.
 */
@Dependent
@Named("certificateNumberingMapper")
public class CertificateNumberingMapper implements PartitionMapper {

    static final int THREADS = 2;

    @EJB
    private CertificateNumberingService numbering;
    @Inject
    private JobContext job;

    @Override
    public PartitionPlan mapPartitions() {
        List<Long> positions = numbering.positionsToNumber(CertificateNumberingParameters.runId(job));
        PartitionPlanImpl plan = new PartitionPlanImpl();
        Properties[] properties = new Properties[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty("positionId", positions.get(i).toString());
        }
        plan.setPartitions(Math.max(1, positions.size()));
        if (positions.isEmpty()) {
            properties = new Properties[] {new Properties()};
        }
        plan.setPartitionProperties(properties);
        plan.setThreads(Math.min(THREADS, Math.max(1, positions.size())));
        return plan;
    }
}
