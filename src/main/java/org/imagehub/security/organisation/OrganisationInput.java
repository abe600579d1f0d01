package org.imagehub.security.organisation;

/** An organisation as an admin registers or changes it; the code is in the path. */
public record OrganisationInput(String name, String kind, Boolean central) {
}
