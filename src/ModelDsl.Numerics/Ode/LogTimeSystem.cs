namespace ModelDsl.Numerics.Ode;

/// <summary>A system in u = ln t (see <see cref="OdeSystems.InLogTime"/>).</summary>
internal sealed class LogTimeSystem(IOdeSystem inner) : IOdeSystem
{
    private readonly double[] f = new double[inner.Dimension];

    public int Dimension => inner.Dimension;

    public void Evaluate(double t, ReadOnlySpan<double> y, Span<double> dydt)
    {
        var time = Math.Exp(t);
        inner.Evaluate(time, y, dydt);
        for (var i = 0; i < dydt.Length; i++) dydt[i] *= time;
    }

    public void Jacobian(double t, ReadOnlySpan<double> y, Span<double> jacobian, Span<double> dfdt)
    {
        var time = Math.Exp(t);
        inner.Jacobian(time, y, jacobian, dfdt);
        inner.Evaluate(time, y, f);
        for (var i = 0; i < jacobian.Length; i++) jacobian[i] *= time;
        for (var i = 0; i < dfdt.Length; i++) dfdt[i] = time * f[i] + time * time * dfdt[i];
    }
}
