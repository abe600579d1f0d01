package org.imagehub.security.organisation;

/** What an organisation is; serialised in lower case with hyphens. */
public enum OrganisationKind {
    MINISTRY("ministry"), PROVINCE("province"), EMBASSY("embassy"), NEWS_AGENCY("news-agency"), PARTNER_OUTLET("partner-outlet");

    private final String code;

    OrganisationKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static boolean isKnown(String code) {
        for (OrganisationKind kind : values()) {
            if (kind.code.equals(code)) {
                return true;
            }
        }
        return false;
    }
}
