package se.digikomp.lms.org;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A region, municipality or county council sharing this installation. Each sees only its own data. */
@Entity
@Cacheable(false) // also written with JDBC (org's import, moves, grants): never serve a stale copy
@Table(name = "organisation")
public class Organisation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    protected Organisation() {
    }

    public Organisation(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public void rename(String newName) {
        this.name = newName;
    }
}
