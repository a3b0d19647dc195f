package org.kaowu.domain.account;

/** Security role names, as the identity store grants them and web.xml requires them. */
public final class Roles {

    public static final String CANDIDATE = "CANDIDATE";
    public static final String PROVINCE_ADMIN = "PROVINCE_ADMIN";
    public static final String SITE_ADMIN = "SITE_ADMIN";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
