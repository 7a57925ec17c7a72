using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ModelDsl.Numerics.Ode;

/// <summary>
/// A binding of CVODE (SUNDIALS 6.4.1, BSD-3; Hindmarsh et al., ACM TOMS 31 (2005) 363; Gardner et al., ACM TOMS 48 (2022)
/// 31) as shipped by Debian's <c>libsundials-cvode6</c>: variable-order BDF with Newton iteration, the dense direct
/// linear solver and the exact Jacobian of <see cref="IOdeSystem"/>. An independent cross-check of the Rosenbrock solver,
/// not a primary solver: it needs the native library, which <see cref="IsAvailable"/> reports.
/// </summary>
public static unsafe partial class Cvode
{
    private const string Library = "libsundials_cvode.so.6";
    private const int CvBdf = 2, CvNormal = 1, CvIllInput = -22;
    private static readonly Lazy<bool> Available = new(() => NativeLibrary.TryLoad(Library, out _));

    /// <summary>True when <c>libsundials_cvode.so.6</c> (SUNDIALS 6.x) can be loaded on this machine.</summary>
    public static bool IsAvailable => Available.Value;

    /// <summary>
    /// Integrates y' = f(t, y) from <paramref name="t0"/> to <paramref name="t1"/> with CVODE's BDF method, recording the
    /// state at each of <paramref name="outputTimes"/> (increasing, inside (t0, t1]) and at t1. CVODE never steps past
    /// t1 (CVodeSetStopTime). The local error per component is kept below rtol |y_i| + atol_i (CVODE guide, eq. 2.8).
    /// </summary>
    /// <param name="system">The right-hand side and its exact Jacobian df/dy (df/dt is not used by BDF).</param>
    /// <param name="t0">Initial time.</param>
    /// <param name="t1">End time, above <paramref name="t0"/>.</param>
    /// <param name="y0">Initial state, <see cref="IOdeSystem.Dimension"/> values.</param>
    /// <param name="rtol">Relative tolerance.</param>
    /// <param name="atol">Absolute tolerance: one per component, or one for all.</param>
    /// <param name="outputTimes">Times at which to record the state.</param>
    /// <param name="maxSteps">Most internal steps between two output times (CVodeSetMaxNumSteps).</param>
    /// <returns>The flag, the recorded states and the work counters; never throws for a failed solve.</returns>
    public static CvodeResult Solve(
        IOdeSystem system, double t0, double t1, ReadOnlySpan<double> y0, double rtol, ReadOnlySpan<double> atol,
        IReadOnlyList<double> outputTimes, long maxSteps = 100_000)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(outputTimes);
        int n = system.Dimension;
        if (!IsAvailable)
            return Failure(CvodeResult.LibraryMissing, "LIBRARY_MISSING", $"{Library} cannot be loaded", t0);
        var times = OutputTimes(t0, t1, outputTimes);
        string? problem = n < 1 ? "the system has no equations"
            : y0.Length != n ? $"y0 has {y0.Length} values for {n} equations"
            : atol.Length != 1 && atol.Length != n ? $"atol has {atol.Length} values for {n} equations"
            : times is null ? "the output times must increase inside (t0, t1]"
            : null;
        if (problem is not null)
            return Failure(CvIllInput, "CV_ILL_INPUT", problem, t0);

        var state = new CallbackState(system);
        var handle = GCHandle.Alloc(state);
        nint context = 0, y = 0, tolerances = 0, matrix = 0, solver = 0, memory = 0;
        try
        {
            if (SUNContext_Create(0, &context) != 0 || context == 0)
                return Failure(-20, "CV_MEM_FAIL", "SUNContext_Create failed", t0);
            y = N_VNew_Serial(n, context);
            tolerances = N_VNew_Serial(n, context);
            matrix = SUNDenseMatrix(n, n, context);
            memory = CVodeCreate(CvBdf, context);
            if (y == 0 || tolerances == 0 || matrix == 0 || memory == 0)
                return Failure(-20, "CV_MEM_FAIL", "allocation of CVODE's vectors, matrix or memory failed", t0);
            y0.CopyTo(new Span<double>(N_VGetArrayPointer(y), n));
            var tol = new Span<double>(N_VGetArrayPointer(tolerances), n);
            if (atol.Length == 1) tol.Fill(atol[0]); else atol.CopyTo(tol);
            solver = SUNLinSol_Dense(y, matrix, context);
            nint data = GCHandle.ToIntPtr(handle);
            int flag = CVodeSetErrHandlerFn(memory, (nint)(delegate* unmanaged[Cdecl]<int, byte*, byte*, byte*, nint, void>)&OnError, data);
            if (flag == 0) flag = CVodeInit(memory, (nint)(delegate* unmanaged[Cdecl]<double, nint, nint, nint, int>)&Rhs, t0, y);
            if (flag == 0) flag = CVodeSVtolerances(memory, rtol, tolerances);
            if (flag == 0) flag = CVodeSetUserData(memory, data);
            if (flag == 0) flag = solver == 0 ? -20 : CVodeSetLinearSolver(memory, solver, matrix);
            if (flag == 0)
                flag = CVodeSetJacFn(memory, (nint)(delegate* unmanaged[Cdecl]<double, nint, nint, nint, nint, nint, nint, nint, int>)&Jacobian);
            if (flag == 0) flag = CVodeSetMaxNumSteps(memory, maxSteps);
            if (flag == 0) flag = CVodeSetStopTime(memory, t1);

            var reached = ImmutableArray.CreateBuilder<double>();
            var values = ImmutableArray.CreateBuilder<ImmutableArray<double>>();
            double t = t0;
            for (int k = 0; flag >= 0 && k < times!.Length; k++)
            {
                flag = CVode(memory, times[k], y, &t, CvNormal);
                if (flag < 0) break;
                reached.Add(times[k]);
                values.Add([.. new ReadOnlySpan<double>(N_VGetArrayPointer(y), n)]);
            }
            long steps = 0, rhs = 0, jacobians = 0, errorTests = 0;
            _ = CVodeGetNumSteps(memory, &steps);
            _ = CVodeGetNumRhsEvals(memory, &rhs);
            _ = CVodeGetNumJacEvals(memory, &jacobians);
            _ = CVodeGetNumErrTestFails(memory, &errorTests);
            return new CvodeResult
            {
                Flag = flag,
                FlagName = FlagName(flag),
                Message = state.Message,
                T = t,
                Times = reached.ToImmutable(),
                Values = values.ToImmutable(),
                Steps = steps,
                RhsEvaluations = rhs,
                JacobianEvaluations = jacobians,
                ErrorTestFailures = errorTests,
            };
        }
        finally
        {
            if (memory != 0) CVodeFree(&memory);
            if (solver != 0) _ = SUNLinSolFree(solver);
            if (matrix != 0) SUNMatDestroy(matrix);
            if (tolerances != 0) N_VDestroy(tolerances);
            if (y != 0) N_VDestroy(y);
            if (context != 0) _ = SUNContext_Free(&context);
            handle.Free();
        }
    }

    private static CvodeResult Failure(int flag, string name, string message, double t) =>
        new() { Flag = flag, FlagName = name, Message = message, T = t };

    /// <summary>The requested times with t1 appended, or null when they do not increase strictly inside (t0, t1].</summary>
    private static double[]? OutputTimes(double t0, double t1, IReadOnlyList<double> requested)
    {
        if (!(t1 > t0)) return null;
        var times = new List<double>(requested);
        if (times.Count == 0 || times[^1] != t1) times.Add(t1);
        double previous = t0;
        foreach (double t in times)
        {
            if (!(t > previous && t <= t1)) return null;
            previous = t;
        }
        return [.. times];
    }

    private static string FlagName(int flag)
    {
        byte* name = CVodeGetReturnFlagName(flag);
        if (name == null) return $"flag {flag}";
        string text = Marshal.PtrToStringUTF8((nint)name) ?? $"flag {flag}";
        NativeMemory.Free(name); // CVodeGetReturnFlagName returns a malloc'd string that the caller frees
        return text;
    }

    /// <summary>Managed state the callbacks reach through the GCHandle passed as CVODE's user data.</summary>
    private sealed class CallbackState(IOdeSystem system)
    {
        public IOdeSystem System { get; } = system;
        public double[] RowMajor { get; } = new double[system.Dimension * system.Dimension];
        public double[] Dfdt { get; } = new double[system.Dimension];
        public string Message { get; set; } = "";
    }

    private static CallbackState StateOf(nint userData) => (CallbackState)GCHandle.FromIntPtr(userData).Target!;

    /// <summary>CVRhsFn: 0 on success, 1 (recoverable: CVODE retries with a smaller step) for a non-finite f, -1 if f threw.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Rhs(double t, nint y, nint ydot, nint userData)
    {
        var state = StateOf(userData);
        try
        {
            int n = state.System.Dimension;
            var f = new Span<double>(N_VGetArrayPointer(ydot), n);
            state.System.Evaluate(t, new ReadOnlySpan<double>(N_VGetArrayPointer(y), n), f);
            foreach (double v in f)
                if (!double.IsFinite(v)) return 1;
            return 0;
        }
        catch (Exception e)
        {
            state.Message = $"the right-hand side threw {e.GetType().Name}: {e.Message}";
            return -1;
        }
    }

    /// <summary>CVLsJacFn: copies the system's row-major df/dy into CVODE's column-major dense matrix.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Jacobian(double t, nint y, nint fy, nint jac, nint userData, nint tmp1, nint tmp2, nint tmp3)
    {
        var state = StateOf(userData);
        try
        {
            int n = state.System.Dimension;
            state.System.Jacobian(t, new ReadOnlySpan<double>(N_VGetArrayPointer(y), n), state.RowMajor, state.Dfdt);
            double* columns = SUNDenseMatrix_Data(jac);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double v = state.RowMajor[i * n + j];
                    if (!double.IsFinite(v)) return 1;
                    columns[j * n + i] = v;
                }
            return 0;
        }
        catch (Exception e)
        {
            state.Message = $"the Jacobian threw {e.GetType().Name}: {e.Message}";
            return -1;
        }
    }

    /// <summary>
    /// CVErrHandlerFn: keeps CVODE's first error message (a callback's own reason, if it failed first) instead of printing
    /// it to stderr; warnings (CV_WARNING, e.g. t + h = t) are dropped.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(int errorCode, byte* module, byte* function, byte* message, nint userData)
    {
        var state = StateOf(userData);
        if (errorCode < 0 && state.Message.Length == 0)
            state.Message = $"{Marshal.PtrToStringUTF8((nint)function)}: {Marshal.PtrToStringUTF8((nint)message)}";
    }

    [LibraryImport(Library)] private static partial int SUNContext_Create(nint comm, nint* context);
    [LibraryImport(Library)] private static partial int SUNContext_Free(nint* context);
    [LibraryImport(Library)] private static partial nint N_VNew_Serial(long length, nint context);
    [LibraryImport(Library)] private static partial double* N_VGetArrayPointer(nint vector);
    [LibraryImport(Library)] private static partial void N_VDestroy(nint vector);
    [LibraryImport(Library)] private static partial nint SUNDenseMatrix(long rows, long columns, nint context);
    [LibraryImport(Library)] private static partial double* SUNDenseMatrix_Data(nint matrix);
    [LibraryImport(Library)] private static partial void SUNMatDestroy(nint matrix);
    [LibraryImport(Library)] private static partial nint SUNLinSol_Dense(nint y, nint matrix, nint context);
    [LibraryImport(Library)] private static partial int SUNLinSolFree(nint solver);
    [LibraryImport(Library)] private static partial nint CVodeCreate(int method, nint context);
    [LibraryImport(Library)] private static partial int CVodeInit(nint memory, nint rhs, double t0, nint y0);
    [LibraryImport(Library)] private static partial int CVodeSVtolerances(nint memory, double rtol, nint atol);
    [LibraryImport(Library)] private static partial int CVodeSetLinearSolver(nint memory, nint solver, nint matrix);
    [LibraryImport(Library)] private static partial int CVodeSetJacFn(nint memory, nint jacobian);
    [LibraryImport(Library)] private static partial int CVodeSetUserData(nint memory, nint userData);
    [LibraryImport(Library)] private static partial int CVodeSetErrHandlerFn(nint memory, nint handler, nint data);
    [LibraryImport(Library)] private static partial int CVodeSetMaxNumSteps(nint memory, long steps);
    [LibraryImport(Library)] private static partial int CVodeSetStopTime(nint memory, double tstop);
    [LibraryImport(Library)] private static partial int CVode(nint memory, double tout, nint yout, double* tret, int task);
    [LibraryImport(Library)] private static partial int CVodeGetNumSteps(nint memory, long* steps);
    [LibraryImport(Library)] private static partial int CVodeGetNumRhsEvals(nint memory, long* evaluations);
    [LibraryImport(Library)] private static partial int CVodeGetNumJacEvals(nint memory, long* evaluations);
    [LibraryImport(Library)] private static partial int CVodeGetNumErrTestFails(nint memory, long* failures);
    [LibraryImport(Library)] private static partial byte* CVodeGetReturnFlagName(long flag);
    [LibraryImport(Library)] private static partial void CVodeFree(nint* memory);
}
