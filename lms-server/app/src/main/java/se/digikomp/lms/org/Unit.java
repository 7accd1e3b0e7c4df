package se.digikomp.lms.org;

import jakarta.persistence.Cacheable;
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
@Cacheable(false) // also written with JDBC (org's import, moves, grants): never serve a stale copy
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

    /** Ids from the top unit down to this one, {@code /12/40/57/}: see V16 (materialised path). */
    @Column(length = 2000)
    private String path;

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

    /** Empty only for a unit written without the application (see V16): then it is in no subtree. */
    public String path() {
        return path == null ? "" : path;
    }

    /** Sets the path from the parent's and this unit's id; call once the id is assigned (after a flush). */
    public void placeUnderParent() {
        path = (parent == null ? "/" : parent.path) + id + "/";
    }

    public void rename(String newName, String newCode) {
        this.name = newName;
        this.code = newCode;
    }
}
