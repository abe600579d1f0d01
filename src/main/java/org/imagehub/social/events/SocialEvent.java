package org.imagehub.social.events;

import org.imagehub.platform.events.ChangeEvent;

/** A change social made: an account or a post. */
public sealed interface SocialEvent extends ChangeEvent permits SocialAccountChanged, SocialPostChanged {
}
