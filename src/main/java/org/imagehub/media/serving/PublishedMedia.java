package org.imagehub.media.serving;

/**
 * Whether consumers may fetch an asset's files: only those of published stories are reachable. Delivery knows what
 * is published and implements this; without an implementation nothing is public.
 */
public interface PublishedMedia {
    boolean isPublished(String assetId);
}
