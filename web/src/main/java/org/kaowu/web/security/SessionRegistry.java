package org.kaowu.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpSession;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which sessions belong to which account, so that a password reset ends all of them (manual section 9).
 * In memory: it covers one server; a cluster would need a shared store or a credentials timestamp.
 */
@ApplicationScoped
public class SessionRegistry {

    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private final Map<String, Set<HttpSession>> sessionsByAccount = new ConcurrentHashMap<>();

    public void loggedIn(String account, HttpSession session) {
        sessionsByAccount.computeIfAbsent(account, a -> ConcurrentHashMap.newKeySet()).add(session);
    }

    public void ended(HttpSession session) {
        sessionsByAccount.values().forEach(sessions -> sessions.remove(session));
        sessionsByAccount.values().removeIf(Set::isEmpty);
    }

    /** Invalidates every session of the account. */
    public void endAll(String account) {
        Set<HttpSession> sessions = sessionsByAccount.remove(account);
        if (sessions == null) {
            return;
        }
        for (HttpSession session : sessions) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyGone) {
                LOG.log(Level.FINE, "session already invalidated", alreadyGone);
            }
        }
    }
}
