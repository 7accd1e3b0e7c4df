package se.digikomp.lms.security;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import se.digikomp.lms.org.Person;

/** A person's login: a username, a salted password hash (see {@link SecretHasher}) and roles. */
@Entity
@Cacheable(false) // also written with JDBC (org's import, moves, grants): never serve a stale copy
@Table(name = "account")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_salt", nullable = false, length = 64)
    private String passwordSalt;

    @Column(name = "password_hash", nullable = false, length = 128)
    private String passwordHash;

    @Column(nullable = false)
    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false, length = 20)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = new HashSet<>();

    protected Account() {
    }

    public Account(Person person, String username, String password, Set<Role> roles) {
        this.person = person;
        this.username = username;
        SecretHasher.Hashed hashed = SecretHasher.hash(password);
        this.passwordSalt = hashed.salt();
        this.passwordHash = hashed.hash();
        this.roles = new HashSet<>(roles);
    }

    public Long id() {
        return id;
    }

    public Person person() {
        return person;
    }

    public String username() {
        return username;
    }

    public boolean active() {
        return active;
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean passwordMatches(String password) {
        return SecretHasher.matches(password, passwordSalt, passwordHash);
    }
}
