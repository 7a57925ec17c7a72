namespace ModelDsl.Numerics.Ode;

/// <summary>
/// Adaptive Rosenbrock solver for stiff systems y' = f(t, y) (Hairer and Wanner, Solving ODEs II, 2nd ed., IV.7 and the
/// code RODAS): one Jacobian and one LU decomposition of I/(h gamma) - J per step, the error of the embedded method in the
/// RMS norm of err_i / (atol_i + rtol max(|y_old,i|, |y_new,i|)), the step-size controller of HW IV.8 (eq. (8.21) with
/// Gustafsson's predictive variant), Hairer's starting step (HW I, II.4), and breakpoints stepped onto exactly.
/// </summary>
public static class Rosenbrock
{
    private const int MaxSingularRetries = 5;

    /// <summary>Unit roundoff of double (2^-52); not <see cref="double.Epsilon"/>, the smallest subnormal.</summary>
    private const double Roundoff = 2.220446049250313e-16;

    /// <summary>
    /// Integrates from <paramref name="t0"/> to <paramref name="t1"/> (t1 &gt;= t0) from <paramref name="y0"/>. A failure
    /// (step size underflow, non-finite f/J/y, too many steps, singular matrix) is the returned solution's
    /// <see cref="OdeSolution.Status"/> with a message and the time reached; wrong arguments (dimensions, t1 &lt; t0) throw.
    /// </summary>
    public static OdeSolution Solve(IOdeSystem system, double t0, double t1, ReadOnlySpan<double> y0, OdeOptions options)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        var n = system.Dimension;
        if (y0.Length != n) throw new ArgumentException($"y0 has {y0.Length} components, the system {n}", nameof(y0));
        if (!(t1 >= t0) || !double.IsFinite(t0) || !double.IsFinite(t1))
            throw new ArgumentException($"needs finite t0 <= t1, got [{t0}, {t1}]", nameof(t1));
        var atol = AbsoluteTolerances(options, n);
        var rtol = options.RelativeTolerance;
        var tab = options.Method;
        var stepper = new RosenbrockStepper(system, tab);
        var rows = tab.DenseOutputRows == 0 ? 2 : tab.DenseOutputRows;
        var output = new OutputBuffer(n, rows);
        var breakpoints = options.Breakpoints.Where(b => b > t0 && b < t1).Distinct().Order().Append(t1).ToArray();
        var nextBreak = 0;

        var t = t0;
        var y = y0.ToArray();
        var f1 = new double[n];
        var denseWork = new double[rows * n];
        output.Add(t, y, null);
        var steps = 0;
        var rejected = 0;
        var singular = 0;
        var status = OdeStatus.Success;
        string? message = null;
        if (!stepper.EvaluateF0(t, y))
            return Fail(OdeStatus.NonFinite, $"f is not finite at t = {t}");
        var target = breakpoints[0];
        var h = options.InitialStep > 0 ? options.InitialStep : StartingStep(stepper, system, t, y, target, atol, rtol, tab, options.MaxStep);
        var first = true;
        var reject = false;
        var lastNonFinite = false;
        var jacobianValid = false;
        var haveF = true; // F0 holds f at (t, y): evaluated above, then with each Jacobian or, for Hermite output, at a step's end
        var hAccepted = 0.0;
        var errAccepted = 0.0;
        var exponent = 1.0 / (tab.EmbeddedOrder + 1);
        while (true)
        {
            if (steps + rejected >= options.MaxSteps)
                return Fail(OdeStatus.TooManySteps, $"{options.MaxSteps} steps taken before t = {t1}");
            h = Math.Min(h, options.MaxStep);
            var landing = t + h * 1.0001 >= target;
            if (landing) h = target - t;
            if (h <= 10 * Roundoff * Math.Abs(t) || h < 1e-300)
                return lastNonFinite
                    ? Fail(OdeStatus.NonFinite, $"f or the solution is not finite for any step from t = {t}")
                    : Fail(OdeStatus.StepSizeUnderflow, $"step size {h} underflows at t = {t}");
            if (!jacobianValid)
            {
                // f at the step's start comes with the Jacobian (one pass for a system that computes them together)
                if (!stepper.EvaluateJacobian(t, y, haveF))
                    return Fail(OdeStatus.NonFinite, RosenbrockStepper.AllFinite(stepper.F0)
                        ? $"the Jacobian is not finite at t = {t}" : $"f is not finite at t = {t}");
                jacobianValid = true;
            }
            var outcome = stepper.Step(t, y, h);
            if (outcome == StepOutcome.Singular)
            {
                rejected++;
                if (++singular > MaxSingularRetries)
                    return Fail(OdeStatus.SingularMatrix, $"I - h gamma J is singular at t = {t}, h = {h}");
                h *= 0.5;
                reject = true;
                continue;
            }
            singular = 0;
            if (outcome == StepOutcome.NonFinite)
            {
                rejected++;
                lastNonFinite = true;
                h *= 0.2;
                reject = true;
                continue;
            }
            lastNonFinite = false;
            var err = ErrorNorm(y, stepper.YNew, stepper.Error, atol, rtol);
            var fac = Math.Clamp(Math.Pow(err, exponent) / options.Safety, 1 / options.MaxFactor, 1 / options.MinFactor);
            var hNew = h / fac;
            if (err > 1)
            {
                rejected++;
                h = first ? h * 0.1 : hNew;
                reject = true;
                continue;
            }
            if (options.PredictiveController && !first && hAccepted > 0)
            {
                var facGus = hAccepted / h * Math.Pow(err * err / errAccepted, exponent) / options.Safety;
                facGus = Math.Clamp(facGus, 1 / options.MaxFactor, 1 / options.MinFactor);
                hNew = h / Math.Max(fac, facGus);
            }
            hAccepted = h;
            errAccepted = Math.Max(1e-2, err);
            var tNew = landing ? target : t + h;
            steps++;
            var hermite = tab.DenseOutputRows == 0;
            var finished = landing && nextBreak == breakpoints.Length - 1;
            var f1Finite = true;
            if (hermite)
            {
                // the cubic Hermite output needs f at the step's end now (a method with its own dense output does not:
                // the next step's start evaluates f with the Jacobian); it is the next step's F0
                stepper.Evaluations++;
                system.Evaluate(tNew, stepper.YNew, f1);
                f1Finite = RosenbrockStepper.AllFinite(f1);
            }
            haveF = hermite;
            stepper.DenseOutput(y, tNew - t, f1, denseWork);
            stepper.YNew.CopyTo(y, 0);
            t = tNew;
            output.Add(t, y, denseWork);
            if (!f1Finite && !finished)
                return Fail(OdeStatus.NonFinite, $"f is not finite at t = {t}");
            if (finished) break;
            if (hermite) f1.CopyTo(stepper.F0, 0);
            jacobianValid = false;
            if (reject) hNew = Math.Min(hNew, h);
            reject = false;
            first = false;
            h = hNew;
            if (landing)
            {
                target = breakpoints[++nextBreak];
                first = true;
                hAccepted = 0;
                if (!haveF && !stepper.EvaluateF0(t, y))
                    return Fail(OdeStatus.NonFinite, $"f is not finite at t = {t}");
                haveF = true;
                h = options.InitialStep > 0 ? options.InitialStep
                    : StartingStep(stepper, system, t, y, target, atol, rtol, tab, options.MaxStep);
            }
        }
        return Result();

        OdeSolution Fail(OdeStatus s, string m)
        {
            status = s;
            message = m;
            return Result();
        }

        OdeSolution Result() => output.ToSolution(status, message, steps, rejected, stepper.Evaluations,
            stepper.JacobianEvaluations, stepper.Decompositions);
    }

    /// <summary>
    /// Fixed steps (no error control) for convergence-order tests; <paramref name="embedded"/> returns the embedded
    /// solution instead. Null when a step fails.
    /// </summary>
    internal static double[]? SolveFixed(IOdeSystem system, double t0, double t1, ReadOnlySpan<double> y0, RosenbrockTableau tableau,
        int stepCount, bool embedded = false)
    {
        var stepper = new RosenbrockStepper(system, tableau);
        var y = y0.ToArray();
        var h = (t1 - t0) / stepCount;
        for (var i = 0; i < stepCount; i++)
        {
            var t = t0 + i * h;
            if (!stepper.EvaluateJacobian(t, y, haveF: false) || stepper.Step(t, y, h) != StepOutcome.Done) return null;
            for (var q = 0; q < y.Length; q++) y[q] = stepper.YNew[q] - (embedded ? stepper.Error[q] : 0);
        }
        return y;
    }

    private static double[] AbsoluteTolerances(OdeOptions options, int n)
    {
        var given = options.AbsoluteTolerance;
        if (given.IsDefaultOrEmpty) return Enumerable.Repeat(1e-12, n).ToArray();
        if (given.Length == 1) return Enumerable.Repeat(given[0], n).ToArray();
        if (given.Length != n) throw new ArgumentException($"{given.Length} absolute tolerances for {n} equations", nameof(options));
        return [.. given];
    }

    private static double ErrorNorm(ReadOnlySpan<double> y, ReadOnlySpan<double> yNew, ReadOnlySpan<double> err, double[] atol, double rtol)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            var sc = atol[i] + rtol * Math.Max(Math.Abs(y[i]), Math.Abs(yNew[i]));
            var e = err[i] / sc;
            sum += e * e;
        }
        return Math.Sqrt(sum / y.Length);
    }

    /// <summary>Hairer's starting step (HW Solving ODEs I, II.4, "Starting Step Size", algorithm of HINIT), kept short of the target.</summary>
    private static double StartingStep(RosenbrockStepper stepper, IOdeSystem system, double t, double[] y, double target,
        double[] atol, double rtol, RosenbrockTableau tab, double maxStep)
    {
        var n = y.Length;
        var f0 = stepper.F0;
        double d0 = 0, d1 = 0;
        for (var i = 0; i < n; i++)
        {
            var sc = atol[i] + rtol * Math.Abs(y[i]);
            d0 += y[i] / sc * (y[i] / sc);
            d1 += f0[i] / sc * (f0[i] / sc);
        }
        d0 = Math.Sqrt(d0 / n);
        d1 = Math.Sqrt(d1 / n);
        var span = target - t;
        var h0 = Math.Min(d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1, Math.Min(maxStep, span));
        var y1 = new double[n];
        var f1 = new double[n];
        for (var i = 0; i < n; i++) y1[i] = y[i] + h0 * f0[i];
        stepper.Evaluations++;
        system.Evaluate(t + h0, y1, f1);
        if (!RosenbrockStepper.AllFinite(f1)) return h0 * 1e-3;
        var d2 = 0.0;
        for (var i = 0; i < n; i++)
        {
            var sc = atol[i] + rtol * Math.Abs(y[i]);
            var e = (f1[i] - f0[i]) / sc;
            d2 += e * e;
        }
        d2 = Math.Sqrt(d2 / n) / h0;
        var dm = Math.Max(d1, d2);
        var h1 = dm <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / dm, 1.0 / (tab.Order + 1));
        return Math.Min(Math.Min(100 * h0, h1), Math.Min(maxStep, span));
    }
}
