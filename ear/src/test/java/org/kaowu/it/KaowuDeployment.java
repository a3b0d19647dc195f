package org.kaowu.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/**
 * The deployment every integration test uses: the EAR exactly as the build produced it, plus (for tests
 * that run inside the server) the test classes, added to the web module: only a module's class loader sees
 * the EJB modules, the EAR's lib/ does not. Never a hand-picked set of application classes.
 */
public final class KaowuDeployment {

    private static final String WEB_MODULE = "kaowu-web.war";

    private KaowuDeployment() {
    }

    /**
     * The EAR plus test classes plus the jars that hold {@code libraries} (e.g. GreenMail), for tests that
     * need a library inside the server. The jars come from the test class path, as Maven resolved them.
     */
    public static EnterpriseArchive earWithLibraries(Class<?>[] libraries, Class<?>... testClasses) {
        EnterpriseArchive ear = ear(testClasses);
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        for (Class<?> library : libraries) {
            try {
                web.addAsLibrary(new File(library.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return ear;
    }

    public static EnterpriseArchive ear(Class<?>... testClasses) {
        File file = new File(System.getProperty("kaowu.ear", "target/kaowu.ear"));
        if (!file.isFile()) {
            throw new IllegalStateException("Build the EAR first: " + file.getAbsolutePath());
        }
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class, file);
        if (testClasses.length > 0) {
            ear.getAsType(WebArchive.class, WEB_MODULE)
                    .addClasses(testClasses)
                    .addClasses(KaowuDeployment.class, TestData.class, Fixtures.class);
        }
        return ear;
    }
}
