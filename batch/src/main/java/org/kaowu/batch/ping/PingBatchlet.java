package org.kaowu.batch.ping;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.kaowu.service.SystemService;

/** Asks the database for its schema version and ends with it as the exit status. */
@Dependent
@Named("pingBatchlet")
public class PingBatchlet extends AbstractBatchlet {

    @EJB
    private SystemService system;

    @Inject
    private JobContext jobContext;

    @Override
    public String process() {
        String exitStatus = "SCHEMA " + system.schemaVersion();
        jobContext.setExitStatus(exitStatus);
        return exitStatus;
    }
}
