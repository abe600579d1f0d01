package org.imagehub.testing;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Declares the one embedded stack every @QuarkusTest of the suite shares, so the hub starts once. */
@WithTestResource(value = EmbeddedStackTestResource.class, scope = TestResourceScope.GLOBAL)
public final class HubTestStack {
    private HubTestStack() {
    }
}
