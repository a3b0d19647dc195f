package org.kaowu.domain.notification;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The recipient filter's LIKE pattern; the queries themselves run in OutboxIT. */
class OutboxMessageRepositoryTest {

    @Test
    void blankFilterMatchesEverything() {
        assertNull(OutboxMessageRepository.containsPattern(null));
        assertNull(OutboxMessageRepository.containsPattern("  "));
    }

    @Test
    void matchesAnywhereIgnoringCase() {
        assertEquals("%1381234%", OutboxMessageRepository.containsPattern(" 1381234 "));
        assertEquals("%zhang.san@example.com%", OutboxMessageRepository.containsPattern("Zhang.San@Example.COM"));
    }

    @Test
    void wildcardsInTheInputAreTakenLiterally() {
        assertEquals("%100!%%", OutboxMessageRepository.containsPattern("100%"));
        assertEquals("%wang!_wu%", OutboxMessageRepository.containsPattern("wang_wu"));
        assertEquals("%hi!!%", OutboxMessageRepository.containsPattern("hi!"));
    }
}
