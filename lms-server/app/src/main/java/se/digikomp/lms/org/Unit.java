package se.digikomp.lms.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/** A förvaltning, avdelning or enhet: a node in the unit tree of one organisation. */
@Entity
@Table(name = "unit")
public class Unit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    private Organisation organisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Unit parent;

    @Column(length = 64)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    protected Unit() {
    }

    public Unit(Organisation organisation, Unit parent, String code, String name) {
        this.organisation = organisation;
        this.parent = parent;
        this.code = code;
        this.name = name;
    }

    public Long id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Optional<Unit> parent() {
        return Optional.ofNullable(parent);
    }

    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    public String name() {
        return name;
    }
}
