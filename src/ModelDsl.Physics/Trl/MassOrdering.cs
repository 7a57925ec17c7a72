namespace ModelDsl.Physics.Trl;

/// <summary>Light-neutrino mass ordering: normal (m1 &lt; m2 &lt; m3, TRL's choice) or inverted (m3 &lt; m1 &lt; m2).</summary>
public enum MassOrdering
{
    /// <summary>Normal ordering, lightest m1 = 0 in TRL.</summary>
    Normal,

    /// <summary>Inverted ordering, lightest m3 = 0.</summary>
    Inverted,
}
