package org.imagehub.social;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.imagehub.platform.errors.NotFoundException;
import org.imagehub.platform.http.ApiSchemas;
import org.imagehub.platform.http.Bodies;
import org.imagehub.platform.http.Created;
import org.imagehub.platform.http.EntityTags;
import org.imagehub.security.CurrentActor;
import org.imagehub.security.Roles;
import org.imagehub.social.account.AccountInput;
import org.imagehub.social.account.AccountView;
import org.imagehub.social.account.SocialAccounts;
import org.imagehub.social.network.SocialNetworks;

@Path("/api/v1/manage/social")
@Tag(name = "Social", description = "Social accounts, network rules, post variants, their approval and calendar.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.EDITOR, Roles.APPROVER, Roles.ADMIN})
public class SocialAccountResource {
    private static final String ACCOUNT_EXAMPLE = "{\"network\": \"x\", \"handle\": \"@VietnamInFrance\", \"organisation\": \"emb-fr\", "
            + "\"languages\": [\"fr\"], \"timeZone\": \"Europe/Paris\", \"storyUrlTemplate\": \"https://ambassade-vietnam.fr/{lang}/actualites/{slug}\"}";

    private final SocialAccounts accounts;
    private final SocialNetworks networks;
    private final CurrentActor editor;

    public SocialAccountResource(SocialAccounts accounts, SocialNetworks networks, CurrentActor editor) {
        this.accounts = accounts;
        this.networks = networks;
        this.editor = editor;
    }

    /** The caller's accounts: one page, so {@code next} is always absent. */
    @Schema(name = "SocialAccountList", requiredProperties = {"items"})
    public record AccountList(List<AccountView> items, String next) {
    }

    /** Every network's rules as their JSON documents. */
    @Schema(name = "NetworkRulesList", requiredProperties = "items")
    public record NetworkRulesList(@Schema(description = "Each network's rules as social-networks/network.schema.json declares them",
            example = "[{\"network\": \"x\", \"name\": \"X\", \"text\": {\"maxLength\": 280, \"maxLengthWithMedia\": null, \"counting\": \"twitter\"}, "
                    + "\"links\": {\"handling\": \"in-text\"}}]") List<com.fasterxml.jackson.databind.JsonNode> items) {

        static NetworkRulesList of(SocialNetworks networks) {
            return new NetworkRulesList(networks.all().stream().map(rules -> networks.document(rules.network()).orElseThrow()).toList());
        }
    }

    @GET
    @Path("accounts")
    @Operation(summary = "Social accounts", description = "The accounts of the caller's organisation (every account for admins and central approvers).")
    @APIResponse(responseCode = "200", description = "The accounts",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountList.class)))
    public AccountList list(@Parameter(description = "Only this network's", example = "x",
            schema = @Schema(type = SchemaType.STRING, pattern = ApiSchemas.FILTER_CODE, maxLength = 100)) @QueryParam("network") String network) {
        return new AccountList(accounts.list(editor.get(), network), null);
    }

    @GET
    @Path("accounts/{id}")
    @Operation(summary = "One social account, with its ETag", description = "The ETag is for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The account",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response get(@Parameter(description = "The account's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpb") @PathParam("id") String id) {
        AccountView view = accounts.get(id, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Add a social account", description = "By an admin or an approver of the owning organisation; only an admin sets "
            + "storyUrlTemplate (the hub's short links redirect there) or a scheduler of another organisation. Honours Idempotency-Key; "
            + "a handle already registered on the network is 409.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response create(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountInput.class),
                    examples = @ExampleObject(name = "example", value = ACCOUNT_EXAMPLE))) AccountInput input,
            @Parameter(description = "Any unique text: a retry with the same key gets the first answer", example = "6f1c2a8e-account-1",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Bodies.require(input);
        return Created.response(accounts.create(input, editor.get(), idempotencyKey), EntityTags.of(1));
    }

    @PUT
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN})
    @Operation(summary = "Replace a social account's settings", description = "Needs If-Match with the current ETag.")
    @APIResponse(responseCode = "200", description = "The account as changed, with its new ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountView.class)))
    public Response update(@Parameter(description = "The account's id", example = "01jd8x6m3v9q2w7r5t4y1k0zpb") @PathParam("id") String id,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountInput.class),
                    examples = @ExampleObject(name = "example", value = ACCOUNT_EXAMPLE))) AccountInput input,
            @Parameter(description = "The current ETag (428 without, 412 when stale)", required = true, example = "\"v3\"")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Bodies.require(input);
        AccountView view = accounts.update(id, input, ifMatch, editor.get());
        return Response.ok(view).header(HttpHeaders.ETAG, EntityTags.of(view.version())).build();
    }

    @GET
    @Path("networks")
    @Operation(summary = "The networks' posting rules", description = "One document per network, as stored in social-networks/: length and how "
            + "it is counted, hashtag and mention limits, media, link handling.")
    @APIResponse(responseCode = "200", description = "The rules of every network",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NetworkRulesList.class)))
    public NetworkRulesList networks() {
        return NetworkRulesList.of(networks);
    }

    @GET
    @Path("networks/{network}")
    @Operation(summary = "One network's posting rules", description = "As stored in social-networks/{network}.json.")
    @APIResponse(responseCode = "200", description = "The network's rules",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "As social-networks/network.schema.json declares it",
                    example = "{\"network\": \"bluesky\", \"name\": \"Bluesky\", \"text\": {\"maxLength\": 300, \"counting\": \"graphemes\"}}")))
    public com.fasterxml.jackson.databind.JsonNode network(@Parameter(description = "The network's id", example = "x") @PathParam("network") String network) {
        return networks.document(network).orElseThrow(() -> new NotFoundException("No network '" + network + "'."));
    }
}
