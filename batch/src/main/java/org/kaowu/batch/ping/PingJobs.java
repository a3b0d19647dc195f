package org.kaowu.batch.ping;

import jakarta.ejb.Singleton;

/**
 * Names of the jobs this module ships. Also the module's session bean: a deployed EJB jar must hold at
 * least one, and this module is an EJB jar so that its artifacts can call the ejb module's services.
 */
@Singleton
public class PingJobs {

    /** Job XML {@code META-INF/batch-jobs/ping.xml}. */
    public static final String PING = "ping";

    public String ping() {
        return PING;
    }
}
