namespace ModelDsl.Numerics.Ode;

/// <summary>Transformations of <see cref="IOdeSystem"/>s.</summary>
public static class OdeSystems
{
    /// <summary>
    /// The same system in the variable u = ln t: dy/du = t f(t, y) with t = e^u, Jacobian t df/dy and
    /// d(t f)/du = t f + t^2 df/dt. Integrate from ln t0 to ln t1 and interpolate at ln t (t &gt; 0). The returned system
    /// keeps a work vector: one instance per solve at a time.
    /// </summary>
    public static IOdeSystem InLogTime(IOdeSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        return new LogTimeSystem(system);
    }
}
