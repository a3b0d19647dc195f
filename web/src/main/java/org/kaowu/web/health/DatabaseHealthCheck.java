package org.kaowu.web.health;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.kaowu.service.SystemService;

/** Ready only while the application database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealthCheck implements HealthCheck {

    @EJB
    private SystemService system;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("database").status(system.isDatabaseUp()).build();
    }
}
