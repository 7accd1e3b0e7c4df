package se.digikomp.lms.oidc.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.oidc.entity.OidcSettings;
import se.digikomp.lms.oidc.entity.PersonField;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditEvent;

/**
 * OpenID Connect sign-in of an organisation's staff: starts a sign-in at the organisation's provider and
 * turns the provider's answer into the account of the matching person of that organisation (never another).
 */
@ApplicationScoped
public class OidcSignIns {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "lms.oidc.timeout-ms", defaultValue = "10000")
    int timeoutMillis;

    @Inject
    @ConfigProperty(name = "lms.oidc.secrets-dir")
    Optional<String> secretsDir;

    @Inject
    Event<AuditEvent> audit;

    private volatile OidcProtocol protocol;
    private volatile SecretLocations secrets;

    /** An organisation that offers OIDC sign-in, for the sign-in page's links (getters for Jakarta EL 5). */
    public record Offer(String slug, String displayName) {
        public String getSlug() {
            return slug;
        }

        public String getDisplayName() {
            return displayName;
        }
    }

    /** The account a successful sign-in is for. */
    public record SignedIn(long organisationId, long accountId, String returnTo) {
    }

    public OidcProtocol protocol() {
        if (protocol == null) {
            protocol = new OidcProtocol(Duration.ofMillis(timeoutMillis));
        }
        return protocol;
    }

    public SecretLocations secrets() {
        if (secrets == null) {
            secrets = new SecretLocations(System::getenv, secretsDir.filter(s -> !s.isBlank()).map(Path::of));
        }
        return secrets;
    }

    /** Every organisation with OIDC sign-in enabled, by name. */
    public List<Offer> offers() {
        return em.createQuery("select new se.digikomp.lms.oidc.control.OidcSignIns$Offer(o.slug, s.displayName)"
                + " from OidcSettings s, Organisation o where o.id = s.organisationId and s.enabled = true"
                + " order by o.name", Offer.class).getResultList();
    }

    /** The name of an organisation, for the refusal page. */
    public Optional<String> organisationName(long organisationId) {
        return Optional.ofNullable(em.find(Organisation.class, organisationId)).map(Organisation::name);
    }

    /** Records a refused sign-in: the organisation (when known), the reason, where from; never the identity. */
    @Transactional
    public void audit(Long organisationId, Refusal reason, String remoteAddress) {
        audit.fire(new AuditEvent(organisationId, null, AuditAction.SIGN_IN_FAILED, "organisation",
                organisationId == null ? null : organisationId.toString(), remoteAddress, "oidc " + reason.code()));
    }

    /** The enabled settings of the organisation with this slug. */
    public Optional<Enabled> enabled(String slug) {
        return em.createQuery("select o, s from Organisation o, OidcSettings s where s.organisationId = o.id"
                        + " and o.slug = :slug and s.enabled = true", Object[].class)
                .setParameter("slug", slug).getResultList().stream().findFirst()
                .map(row -> new Enabled((Organisation) row[0], (OidcSettings) row[1]));
    }

    /** An organisation and its enabled OIDC settings. */
    public record Enabled(Organisation organisation, OidcSettings settings) {
    }

    /** The first step: the provider's authentication request for a sign-in into {@code slug}. */
    public OidcProtocol.Start start(String slug, URI redirectUri, String returnTo) throws Refusal.Refused {
        Enabled found = enabled(slug).orElseThrow(() -> new Refusal.Refused(Refusal.NOT_CONFIGURED,
                "organisation " + slug + " has no OpenID Connect sign-in"));
        OidcSettings settings = found.settings();
        OidcProtocol.Provider provider = protocol().provider(settings.issuer(), settings.clientId());
        return protocol().start(provider, found.organisation().id(), settings.clientId(), redirectUri, returnTo);
    }

    /** The last step: the provider's answer (the callback's full URI) checked, and the matching account. */
    public SignedIn finish(PendingSignIn pending, URI callback) throws Refusal.Refused {
        OidcSettings settings = em.find(OidcSettings.class, pending.organisationId());
        if (settings == null || !settings.enabled()) {
            throw new Refusal.Refused(Refusal.NOT_CONFIGURED, "organisation " + pending.organisationId()
                    + " no longer has OpenID Connect sign-in");
        }
        Organisation organisation = em.find(Organisation.class, pending.organisationId());
        String secret = clientSecret(settings, organisation.slug());
        OidcProtocol.Provider provider = protocol().provider(settings.issuer(), settings.clientId());
        OidcProtocol.Identity identity = protocol().finish(provider, settings.issuer(), settings.clientId(), secret,
                pending, callback);
        String value = matchValue(identity, settings);
        return new SignedIn(pending.organisationId(), account(pending.organisationId(), settings.personField(), value),
                pending.returnTo());
    }

    /** The client secret from where the settings say, or a refusal saying which place is empty. */
    public String clientSecret(OidcSettings settings, String slug) throws Refusal.Refused {
        try {
            if (settings.clientSecretEnv().isPresent()) {
                return secrets().fromEnvironment(settings.clientSecretEnv().get());
            }
            return secrets().fromFile(settings.clientSecretFile().orElseThrow(), slug);
        } catch (SecretLocations.SecretUnavailable e) {
            throw new Refusal.Refused(Refusal.PROVIDER_UNAVAILABLE, "the client secret is missing: " + e.getMessage(),
                    e);
        }
    }

    /** The configured claim's value; an e-mail claim only when the provider has not said it is unverified. */
    static String matchValue(OidcProtocol.Identity identity, OidcSettings settings) throws Refusal.Refused {
        Optional<String> value = identity.claim(settings.claimName());
        if (value.isEmpty()) {
            throw new Refusal.Refused(Refusal.CLAIM_MISSING, "the ID token has no claim " + settings.claimName());
        }
        if (settings.personField() == PersonField.EMAIL
                && Boolean.FALSE.equals(identity.claims().getBooleanClaim("email_verified"))) {
            throw new Refusal.Refused(Refusal.CLAIM_MISSING, "the provider has not verified the e-mail address");
        }
        return value.get();
    }

    /** The account of the person of THIS organisation whose field equals the value. */
    private long account(long organisationId, PersonField field, String value) throws Refusal.Refused {
        String column = field == PersonField.EMAIL ? "p.email" : "p.externalId";
        List<Object[]> found = em.createQuery("select a.id, a.active from Account a join a.person p"
                        + " where p.organisation.id = :organisation and " + column + " = :value", Object[].class)
                .setParameter("organisation", organisationId).setParameter("value", value)
                .getResultList();
        if (found.isEmpty()) {
            throw new Refusal.Refused(Refusal.NO_ACCOUNT, "no person of organisation " + organisationId
                    + " matches the identity by " + field);
        }
        long accountId = (Long) found.get(0)[0];
        if (!(Boolean) found.get(0)[1]) {
            throw new Refusal.Refused(Refusal.INACTIVE, "account " + accountId + " is deactivated");
        }
        return accountId;
    }
}
