package org.imagehub.analytics.site;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The origins a site key may send page views from. */
@Schema(name = "AnalyticsSiteInput", requiredProperties = {"origins"})
public record SiteInput(@Schema(description = "Scheme, host and port only", example = "[\"https://ambassade-vietnam.fr\", \"https://www.ambassade-vietnam.fr\"]")
        List<String> origins) {
}
