using ModelDsl.Numerics.Linear;

namespace ModelDsl.Numerics.Ode;

/// <summary>How one attempted step ended.</summary>
internal enum StepOutcome
{
    Done,
    Singular,
    NonFinite,
}

/// <summary>
/// One Rosenbrock step in the transformed form of Hairer and Wanner, Solving ODEs II, IV.7 eq. (7.17)-(7.18), on preallocated
/// work arrays (no allocation per step). The caller supplies f and the Jacobian at the step's start.
/// </summary>
internal sealed class RosenbrockStepper
{
    private readonly IOdeSystem system;
    private readonly RosenbrockTableau tab;
    private readonly int n;
    private readonly int s;
    private readonly DenseLu lu;
    private readonly double[] u;

    public RosenbrockStepper(IOdeSystem system, RosenbrockTableau tableau)
    {
        this.system = system;
        tab = tableau;
        n = system.Dimension;
        s = tableau.Stages;
        lu = new DenseLu(n);
        u = new double[n];
        Jacobian = new double[n * n];
        Dfdt = new double[n];
        F0 = new double[n];
        Stages = new double[s * n];
        YNew = new double[n];
        Error = new double[n];
    }

    /// <summary>df/dy at the step's start (row-major).</summary>
    public double[] Jacobian { get; }

    /// <summary>df/dt at the step's start.</summary>
    public double[] Dfdt { get; }

    /// <summary>f at the step's start.</summary>
    public double[] F0 { get; }

    /// <summary>The transformed stages U_i, stage i at [i * n, (i + 1) * n).</summary>
    public double[] Stages { get; }

    /// <summary>The solution at the step's end.</summary>
    public double[] YNew { get; }

    /// <summary>Solution minus embedded solution.</summary>
    public double[] Error { get; }

    public int Evaluations { get; set; }
    public int JacobianEvaluations { get; private set; }
    public int Decompositions { get; private set; }

    /// <summary>Evaluates f into <see cref="F0"/>; false when it is not finite.</summary>
    public bool EvaluateF0(double t, ReadOnlySpan<double> y)
    {
        Evaluations++;
        system.Evaluate(t, y, F0);
        return AllFinite(F0);
    }

    /// <summary>
    /// Evaluates the Jacobian and df/dt at the step's start, and f into <see cref="F0"/> unless <paramref name="haveF"/> (f
    /// there is known already); false when not finite.
    /// </summary>
    public bool EvaluateJacobian(double t, ReadOnlySpan<double> y, bool haveF)
    {
        JacobianEvaluations++;
        if (haveF) system.Jacobian(t, y, Jacobian, Dfdt);
        else
        {
            Evaluations++;
            system.EvaluateWithJacobian(t, y, F0, Jacobian, Dfdt);
        }
        return AllFinite(F0) && AllFinite(Jacobian) && AllFinite(Dfdt);
    }

    /// <summary>One step of size h from (t, y), with <see cref="F0"/> and the Jacobian evaluated at (t, y).</summary>
    public StepOutcome Step(double t, ReadOnlySpan<double> y, double h)
    {
        var m = lu.Matrix;
        var diag = 1 / (h * tab.Gamma);
        for (var i = 0; i < n * n; i++) m[i] = -Jacobian[i];
        for (var i = 0; i < n; i++) m[i * n + i] += diag;
        Decompositions++;
        if (!lu.Factor()) return StepOutcome.Singular;
        var a = tab.TransformedA;
        var c = tab.TransformedC;
        var k = Stages; // stage i at [i n, (i + 1) n); the loops are most of the solver's own work: VectorOps, bit for bit the plain ones
        var invH = 1 / h;
        for (var i = 0; i < s; i++)
        {
            var ki = k.AsSpan(i * n, n);
            if (i == 0)
                F0.CopyTo(ki);
            else
            {
                y.CopyTo(u);
                for (var j = 0; j < i; j++)
                {
                    var aij = a[i * s + j];
                    if (aij != 0) VectorOps.AddScaled(u, aij, k.AsSpan(j * n, n));
                }
                Evaluations++;
                system.Evaluate(t + tab.NodesArray[i] * h, u, ki);
                if (!AllFinite(ki)) return StepOutcome.NonFinite;
            }
            for (var j = 0; j < i; j++)
            {
                var cij = c[i * s + j] * invH;
                if (cij != 0) VectorOps.AddScaled(ki, cij, k.AsSpan(j * n, n));
            }
            var dt = h * tab.GammaSumsArray[i];
            if (dt != 0) VectorOps.AddScaled(ki, dt, Dfdt);
            lu.Solve(ki);
        }
        y.CopyTo(YNew);
        Array.Clear(Error);
        var mw = tab.SolutionWeights;
        var ew = tab.ErrorWeights;
        for (var j = 0; j < s; j++)
        {
            var kj = k.AsSpan(j * n, n);
            VectorOps.AddScaled(YNew, mw[j], kj);
            VectorOps.AddScaled(Error, ew[j], kj);
        }
        return AllFinite(YNew) && AllFinite(Error) ? StepOutcome.Done : StepOutcome.NonFinite;
    }

    /// <summary>
    /// The dense-output vectors of the last step into <paramref name="target"/> (rows x n): the method's
    /// D_r = sum_j H_rj U_j, or for a method without dense output the cubic Hermite pair D_1 = h f_0 - (y_1 - y_0),
    /// D_2 = 2 (y_1 - y_0) - h (f_0 + f_1) in the form of <see cref="OdeSolution.Interpolate"/>.
    /// </summary>
    public void DenseOutput(ReadOnlySpan<double> y, double h, ReadOnlySpan<double> f1, Span<double> target)
    {
        var rows = tab.DenseOutputRows;
        if (rows == 0)
        {
            for (var q = 0; q < n; q++)
            {
                var delta = YNew[q] - y[q];
                target[q] = h * F0[q] - delta;
                target[n + q] = 2 * delta - h * (F0[q] + f1[q]);
            }
            return;
        }
        target.Clear();
        var hm = tab.DenseArray;
        for (var r = 0; r < rows; r++)
            for (var j = 0; j < s; j++)
            {
                var w = hm[r * s + j];
                if (w != 0) VectorOps.AddScaled(target.Slice(r * n, n), w, Stages.AsSpan(j * n, n));
            }
    }

    internal static bool AllFinite(ReadOnlySpan<double> v)
    {
        foreach (var x in v)
            if (!double.IsFinite(x)) return false;
        return true;
    }
}
