package org.kaowu.batch;

import jakarta.ejb.Singleton;

import java.util.List;

/**
 * The jobs this module ships (their job XML names under META-INF/batch-jobs). Also the reason this module
 * deploys: Payara rejects an EJB jar without a session bean, and the module must be an EJB jar (not an EAR
 * library) so that its batch artifacts can see the ejb module's services.
 */
@Singleton
public class JobCatalog {

    /** Proves the batch wiring: reads the schema version through a service. */
    public static final String PING = "ping";

    /** 成绩导入: one uploaded score file into the scores of its batch (see package scoreimport). */
    public static final String SCORE_IMPORT = "scoreImport";

    /** 证书编号: certificate numbers for a batch's passers, one partition per position (see package certnumber). */
    public static final String CERTIFICATE_NUMBERING = "certificateNumbering";

    public List<String> jobNames() {
        return List.of(PING, SCORE_IMPORT, CERTIFICATE_NUMBERING);
    }
}
