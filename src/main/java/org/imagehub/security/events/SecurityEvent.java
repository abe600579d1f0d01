package org.imagehub.security.events;

import org.imagehub.platform.events.ChangeEvent;

/** A change to who may do what (organisations, consumers and their keys), recorded by {@link SecurityChanges}. */
public sealed interface SecurityEvent extends ChangeEvent permits OrganisationChanged, ConsumerChanged, ApiKeyChanged {
}
