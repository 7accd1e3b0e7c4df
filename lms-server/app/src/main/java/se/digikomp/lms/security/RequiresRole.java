package se.digikomp.lms.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Narrows an API endpoint (method or resource class) to accounts holding at least one of the roles; checked by
 * {@link ApiAccessFilter}, answered 403 otherwise. (Not jakarta.annotation.security.RolesAllowed:
 * Payara would enforce that one against its own container login, which our API does not use.)
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role[] value();
}
