package org.kaowu.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * What the browser journeys share: the whole application deployed for client-side tests, and a fresh browser
 * (with its {@link Journey}) for every test. Subclasses carry {@code @ExtendWith(ArquillianExtension.class)} and
 * {@code @RunAsClient} themselves.
 */
abstract class BrowserJourney {

    /** The demo seed's candidate (complete profile, a ticket, scores and a certificate) and every demo password. */
    static final String DEMO_CANDIDATE = "11010519491231002X";
    static final String DEMO_PASSWORD = "Demo@2026";

    protected WebDriver browser;
    protected Journey journey;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return KaowuDeployment.ear();
    }

    /** The window's height; a journey whose screenshots show long pages asks for more. */
    protected int windowHeight() {
        return 1000;
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(1280, windowHeight());
        journey = new Journey(browser);
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }
}
