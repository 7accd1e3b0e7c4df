package se.digikomp.lms.web.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import se.digikomp.lms.security.ApiTokens;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditTrail;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.CurrentCaller;
import se.digikomp.lms.security.Role;
import se.digikomp.lms.web.control.Languages;
import se.digikomp.lms.web.control.TokenExpiry;

/**
 * {@code /profile}: who the person is, their language, and (for authors and administrators) their API tokens.
 * A new token is shown once, on the answer to the form that created it.
 */
@Named
@RequestScoped
public class ProfilePage {

    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZONE);

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ApiTokens tokens;

    @Inject
    AuditTrail audit;

    @Inject
    LanguageChoice languageChoice;

    @Inject
    HttpServletRequest request;

    private final Clock clock = Clock.systemUTC();
    private String language;
    private String tokenName;
    private LocalDate tokenExpires;
    private String createdToken;
    private List<TokenRow> rows;

    /** A token in the table, formatted for the page. */
    public record TokenRow(long id, String name, String created, String expires, String lastUsed, String status,
                           boolean active) {
    }

    public Caller getCaller() {
        return currentCaller.require();
    }

    public List<String> getRoles() {
        return getCaller().roles().stream().sorted().map(Role::name).toList();
    }

    public boolean isMayHaveTokens() {
        return getCaller().has(Role.AUTHOR) || getCaller().has(Role.ADMIN);
    }

    public List<TokenRow> getTokens() {
        if (rows == null) {
            Instant now = clock.instant();
            rows = tokens.of(getCaller().accountId()).stream().map(t -> new TokenRow(t.id(), t.name(),
                    DAY.format(t.createdAt()), DAY.format(t.expiresAt()),
                    t.lastUsedAt() == null ? "–" : DAY.format(t.lastUsedAt()),
                    PageMessages.text(t.revokedAt() != null ? "profile.tokens.revoked"
                            : t.active(now) ? "profile.tokens.active" : "profile.tokens.expired"),
                    t.active(now))).toList();
        }
        return rows;
    }

    public void saveLanguage() throws IOException {
        Optional<java.util.Locale> chosen = Languages.supported(language);
        if (chosen.isEmpty()) {
            PageMessages.error("language-choice", "profile.language.invalid");
            return;
        }
        languageChoice.store(request, chosen.get());
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(request.getContextPath() + "/profile?saved");
        FacesContext.getCurrentInstance().responseComplete();
    }

    public void createToken() {
        if (!isMayHaveTokens()) {
            PageMessages.error(null, "profile.tokens.not-allowed");
            return;
        }
        Optional<String> problem = TokenExpiry.problem(tokenExpires, LocalDate.now(clock.withZone(ZONE)));
        if (problem.isPresent()) {
            PageMessages.error("token-expires", problem.get(), TokenExpiry.MAX_DAYS);
            return;
        }
        Caller caller = getCaller();
        Instant expiresAt = tokenExpires.plusDays(1).atStartOfDay(ZONE).toInstant();
        ApiTokens.Created created = tokens.create(caller.accountId(), tokenName.trim(), expiresAt);
        audit.record(AuditAction.TOKEN_CREATED, caller, "api_token", String.valueOf(created.id()), request);
        createdToken = created.token();
        tokenName = null;
        tokenExpires = null;
        rows = null;
    }

    public void revoke(long tokenId) {
        Caller caller = getCaller();
        if (tokens.revoke(caller.accountId(), tokenId)) {
            audit.record(AuditAction.TOKEN_REVOKED, caller, "api_token", String.valueOf(tokenId), request);
            PageMessages.info("profile.tokens.revoked-now");
        }
        rows = null;
    }

    public String getLanguage() {
        return language == null ? FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage()
                : language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }

    public String getTokenName() {
        return tokenName;
    }

    public void setTokenName(String tokenName) {
        this.tokenName = tokenName;
    }

    public LocalDate getTokenExpires() {
        return tokenExpires;
    }

    public void setTokenExpires(LocalDate tokenExpires) {
        this.tokenExpires = tokenExpires;
    }

    public String getCreatedToken() {
        return createdToken;
    }

    public String getDefaultExpiry() {
        return LocalDate.now(clock.withZone(ZONE)).plusDays(TokenExpiry.DEFAULT_DAYS).toString();
    }
}
