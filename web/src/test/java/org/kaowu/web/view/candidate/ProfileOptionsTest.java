package org.kaowu.web.view.candidate;

import org.junit.jupiter.api.Test;
import org.kaowu.domain.candidate.Candidate;
import org.kaowu.service.ProfileData;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileOptionsTest {

    @Test
    void all56EthnicGroupsOnceEach() {
        assertEquals(56, ProfileOptions.ETHNIC_GROUPS.size());
        assertEquals(56, new HashSet<>(ProfileOptions.ETHNIC_GROUPS).size());
        assertEquals("汉族", ProfileOptions.ETHNIC_GROUPS.get(0));
        assertEquals("基诺族", ProfileOptions.ETHNIC_GROUPS.get(55));
    }

    @Test
    void everyOptionPassesTheServiceRules() {
        Stream.of(ProfileOptions.ETHNIC_GROUPS, ProfileOptions.POLITICAL_STATUSES, ProfileOptions.EDUCATIONS)
                .flatMap(List::stream)
                .forEach(option -> {
                    assertTrue(option.length() <= Candidate.SHORT_TEXT_LENGTH, option);
                    assertTrue(option.matches(ProfileData.TEXT_PATTERN), option);
                });
    }

    @Test
    void anUnknownStoredValueStaysSelectable() {
        assertSame(ProfileOptions.EDUCATIONS, ProfileOptions.withCurrent(ProfileOptions.EDUCATIONS, "大学本科"));
        assertSame(ProfileOptions.EDUCATIONS, ProfileOptions.withCurrent(ProfileOptions.EDUCATIONS, null));
        List<String> extended = ProfileOptions.withCurrent(ProfileOptions.EDUCATIONS, "本科");
        assertEquals("本科", extended.get(0));
        assertEquals(ProfileOptions.EDUCATIONS.size() + 1, extended.size());
    }
}
