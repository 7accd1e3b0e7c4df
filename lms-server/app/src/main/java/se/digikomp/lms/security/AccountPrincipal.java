package se.digikomp.lms.security;

import jakarta.security.enterprise.CallerPrincipal;

/** The container's principal for an authenticated account; it carries the {@link Caller}. */
public class AccountPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient Caller caller;

    public AccountPrincipal(Caller caller) {
        super(caller.username());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
