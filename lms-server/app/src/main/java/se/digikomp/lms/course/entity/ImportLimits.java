package se.digikomp.lms.course.entity;

/** The caps an import enforces ({@code lms.course.*}); a package beyond any of them is refused. */
public record ImportLimits(long maxPackageBytes, int maxEntries, long maxFileBytes, long maxTotalBytes,
                           int maxCompressionRatio) {
}
