package org.kaowu.web.security.captcha;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CaptchaStoreTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final CaptchaStore store = new CaptchaStore(clock);

    @AfterEach
    void clearTestHook() {
        System.clearProperty(CaptchaStore.FIXED_ANSWER_PROPERTY);
    }

    @Test
    void rightAnswerPassesOnce() {
        String code = store.newChallenge("register");

        assertTrue(store.verify("register", code));
        assertFalse(store.verify("register", code), "a challenge is single use");
    }

    @Test
    void aPreDrawnImagesCodeIsTheAnswerOnce() {
        store.newChallenge("score", "h7kx");

        assertFalse(store.verify("score", "H7KY"));
        store.newChallenge("score", "h7kx");
        assertTrue(store.verify("score", " H7KX "));
        assertFalse(store.verify("score", "H7KX"), "a challenge is single use");
        assertThrows(IllegalArgumentException.class, () -> store.newChallenge("score", " "));
        assertThrows(IllegalArgumentException.class, () -> store.newChallenge("Score!", "H7KX"));
    }

    @Test
    void wrongAnswerConsumesTheChallenge() {
        String code = store.newChallenge("login");

        assertFalse(store.verify("login", code + "X"));
        assertFalse(store.verify("login", code), "no second guess against the same image");
    }

    @Test
    void expiresThreeMinutesAfterTheImageWasDrawn() {
        String code = store.newChallenge("login");
        clock.advance(CaptchaStore.LIFETIME.minusSeconds(1));
        assertTrue(store.verify("login", code));

        String next = store.newChallenge("login");
        clock.advance(CaptchaStore.LIFETIME);
        assertFalse(store.verify("login", next), "exactly three minutes old is too old");
    }

    @Test
    void caseSpacesAndFullWidthDoNotMatter() {
        String code = store.newChallenge("register");
        assertTrue(store.verify("register", "  " + code.toLowerCase(Locale.ROOT) + " "));

        String next = store.newChallenge("register");
        assertTrue(store.verify("register", fullWidth(next.toLowerCase(Locale.ROOT))), "input from a Chinese IME");
    }

    @Test
    void blankOrMissingInputFailsAndConsumes() {
        String code = store.newChallenge("register");
        assertFalse(store.verify("register", "   "));
        assertFalse(store.verify("register", code));

        store.newChallenge("register");
        assertFalse(store.verify("register", null));
        assertFalse(store.verify("register", ""));
    }

    @Test
    void unknownOrInvalidFormKeyFails() {
        String code = store.newChallenge("register");

        assertFalse(store.verify("login", code), "no challenge was drawn for that form");
        assertFalse(store.verify(null, code));
        assertFalse(store.verify("Register", code));
        assertTrue(store.verify("register", code), "other forms' checks leave this one alone");
    }

    @Test
    void formKeysAreShortLowerCaseWords() {
        assertTrue(CaptchaStore.isValidFormKey("register"));
        assertTrue(CaptchaStore.isValidFormKey("a".repeat(20)));
        for (String bad : new String[] {null, "", "a".repeat(21), "Login", "log-in", "score1", "成绩", "login "}) {
            assertFalse(CaptchaStore.isValidFormKey(bad), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> store.newChallenge(bad));
        }
    }

    @Test
    void aNewImageReplacesTheOldCode() {
        String first = store.newChallenge("score");
        String second = store.newChallenge("score");
        assumeFalse(first.equals(second)); // one chance in hundreds of thousands

        assertFalse(store.verify("score", first));
        assertFalse(store.verify("score", second), "the failed try used up the newest challenge");
    }

    @Test
    void formsHaveTheirOwnChallenges() {
        String login = store.newChallenge("login");
        String register = store.newChallenge("register");

        assertTrue(store.verify("register", register));
        assertTrue(store.verify("login", login));
    }

    @Test
    void aSessionHoldsBoundedChallengesDroppingTheOldest() {
        String oldest = store.newChallenge("form" + letters(0));
        for (int i = 1; i <= CaptchaStore.MAX_CHALLENGES; i++) {
            store.newChallenge("form" + letters(i));
        }

        assertEquals(CaptchaStore.MAX_CHALLENGES, store.size());
        assertFalse(store.verify("form" + letters(0), oldest));
    }

    @Test
    void expiredChallengesAreDroppedWhenANewOneIsDrawn() {
        store.newChallenge("login");
        clock.advance(CaptchaStore.LIFETIME);
        store.newChallenge("register");

        assertEquals(1, store.size());
    }

    @Test
    void codesUseTheUnambiguousAlphabet() {
        for (int i = 0; i < 2000; i++) {
            String code = store.newChallenge("login");
            assertTrue(code.length() >= CaptchaCode.MIN_LENGTH && code.length() <= CaptchaCode.MAX_LENGTH, code);
            assertTrue(code.chars().allMatch(c -> CaptchaCode.ALPHABET.indexOf(c) >= 0), code);
        }
        for (char lookAlike : "0O1Il".toCharArray()) {
            assertEquals(-1, CaptchaCode.ALPHABET.indexOf(lookAlike), String.valueOf(lookAlike));
        }
    }

    @Test
    void fixedAnswerPropertyMakesEveryAnswerKnown() {
        System.setProperty(CaptchaStore.FIXED_ANSWER_PROPERTY, "test");

        assertEquals("TEST", store.newChallenge("login"));
        assertTrue(store.verify("login", "TEST"));
        assertFalse(store.verify("login", "TEST"), "still single use");

        store.newChallenge("login");
        assertFalse(store.verify("login", "WRONG"));
        store.newChallenge("login");
        clock.advance(CaptchaStore.LIFETIME);
        assertFalse(store.verify("login", "test"), "still expires");
    }

    @Test
    void blankFixedAnswerPropertyIsIgnored() {
        System.setProperty(CaptchaStore.FIXED_ANSWER_PROPERTY, "  ");

        assertTrue(CaptchaStore.fixedAnswer().isEmpty());
        assertFalse(store.verify("login", ""));
    }

    @Test
    void survivesSessionSerialisation() throws IOException, ClassNotFoundException {
        CaptchaStore original = new CaptchaStore(Clock.fixed(START, ZoneOffset.UTC));
        String code = original.newChallenge("register");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        CaptchaStore restored;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            restored = (CaptchaStore) in.readObject();
        }

        assertTrue(restored.verify("register", code));
    }

    private static String fullWidth(String ascii) {
        StringBuilder result = new StringBuilder();
        ascii.chars().forEach(c -> result.append((char) (c - 0x21 + 0xFF01)));
        return result.toString();
    }

    /** Distinct lower-case suffixes: 0 → "a", 1 → "b", … (form keys allow letters only). */
    private static String letters(int n) {
        return String.valueOf((char) ('a' + n));
    }

    /** A clock that moves only when told to. */
    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
