namespace ModelDsl.Plotting;

/// <summary>Where a line plot's legend goes: a corner of the data area, or outside it (right of the plot).</summary>
public enum LegendCorner
{
    /// <summary>Inside the data area, upper right.</summary>
    UpperRight,

    /// <summary>Inside the data area, upper left.</summary>
    UpperLeft,

    /// <summary>Inside the data area, lower left.</summary>
    LowerLeft,

    /// <summary>Inside the data area, lower right.</summary>
    LowerRight,

    /// <summary>Outside the data area, right of it: every corner is crossed by a curve.</summary>
    Outside,
}
