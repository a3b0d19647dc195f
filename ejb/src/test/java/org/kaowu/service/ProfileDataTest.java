package org.kaowu.service;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The patterns shared by ProfileData's constraints and the page's validators. */
class ProfileDataTest {

    @Test
    void names() {
        for (String ok : new String[] {"张三", "欧阳娜娜", "买买提·艾力", "John Smith", "Anne-Marie O.", "𠀾明"}) {
            assertTrue(ok.matches(ProfileData.NAME_PATTERN), ok);
        }
        for (String bad : new String[] {"<script>alert(1)</script>", "张三'--", "1' OR '1'='1", "张三1", "张三;"}) {
            assertFalse(bad.matches(ProfileData.NAME_PATTERN), bad);
        }
    }

    @Test
    void freeText() {
        for (String ok : new String[] {"浙江省杭州市西湖区文三路 100 号 2-301 室", "Xi'an Jiaotong University", "中专/高中",
                "计算机科学与技术（软件工程）"}) {
            assertTrue(ok.matches(ProfileData.TEXT_PATTERN), ok);
        }
        for (String bad : new String[] {"<b>x</b>", "x'; DROP TABLE candidate; --", "a\"b", "a\\b", "line\nbreak"}) {
            assertFalse(bad.matches(ProfileData.TEXT_PATTERN), bad);
        }
    }

    @Test
    void mobileEmailPostcode() {
        assertTrue("13912345678".matches(ProfileData.MOBILE_PATTERN));
        assertFalse("12345".matches(ProfileData.MOBILE_PATTERN));
        assertFalse("12912345678".matches(ProfileData.MOBILE_PATTERN));
        assertTrue("zhang.san@mail.example.com".matches(ProfileData.EMAIL_PATTERN));
        assertFalse("x@".matches(ProfileData.EMAIL_PATTERN));
        assertFalse("x@y".matches(ProfileData.EMAIL_PATTERN));
        assertFalse("a b@c.d".matches(ProfileData.EMAIL_PATTERN));
        assertFalse("<x>@c.d".matches(ProfileData.EMAIL_PATTERN));
        assertTrue("310000".matches(ProfileData.POSTCODE_PATTERN));
        assertFalse("abc".matches(ProfileData.POSTCODE_PATTERN));
    }
}
