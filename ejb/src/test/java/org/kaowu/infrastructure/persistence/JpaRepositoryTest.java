package org.kaowu.infrastructure.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The search filters' LIKE pattern; the queries themselves run in OutboxIT and AdminIT. */
class JpaRepositoryTest {

    @Test
    void blankFilterMatchesEverything() {
        assertNull(JpaRepository.containsPattern(null));
        assertNull(JpaRepository.containsPattern("  "));
    }

    @Test
    void matchesAnywhereIgnoringCase() {
        assertEquals("%1381234%", JpaRepository.containsPattern(" 1381234 "));
        assertEquals("%zhang.san@example.com%", JpaRepository.containsPattern("Zhang.San@Example.COM"));
    }

    @Test
    void wildcardsInTheInputAreTakenLiterally() {
        assertEquals("%100!%%", JpaRepository.containsPattern("100%"));
        assertEquals("%wang!_wu%", JpaRepository.containsPattern("wang_wu"));
        assertEquals("%hi!!%", JpaRepository.containsPattern("hi!"));
    }
}
