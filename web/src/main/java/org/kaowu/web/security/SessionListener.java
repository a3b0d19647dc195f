package org.kaowu.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/** Forgets sessions that end (logout, timeout) so the registry holds only live ones. */
@WebListener
public class SessionListener implements HttpSessionListener {

    @Inject
    private SessionRegistry registry;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        registry.ended(event.getSession());
    }
}
