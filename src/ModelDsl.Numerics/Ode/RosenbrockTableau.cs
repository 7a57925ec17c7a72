using System.Collections.Immutable;

namespace ModelDsl.Numerics.Ode;

/// <summary>
/// The coefficients of an s-stage Rosenbrock method (Hairer and Wanner, Solving ODEs II, 2nd ed., IV.7, eq. 7.4), immutable.
/// Public accessors give the standard form: <see cref="Alpha"/> (alpha_ij), <see cref="GammaMatrix"/> (gamma_ij with the
/// diagonal <see cref="Gamma"/>), the weights <see cref="B"/> and the embedded weights <see cref="BHat"/>, the nodes
/// <see cref="Nodes"/> (alpha_i) and <see cref="GammaSums"/> (gamma_i). The stepper uses the equivalent transformed form of
/// HW IV.7 eq. (7.17)-(7.18): stage values U_i solving (I/(h gamma) - J) U_i = f(t + alpha_i h, y + sum_j a_ij U_j)
/// + sum_j (c_ij / h) U_j + h gamma_i f_t, with y_new = y + sum_i m_i U_i, where a = alpha Gamma^-1,
/// C = diag(1/gamma) - Gamma^-1, m^T = b^T Gamma^-1. Dense output, when the method has one, is
/// y(t + theta h) = (1 - theta) y_0 + theta (y_1 + (1 - theta)(D_1 + theta (D_2 + theta D_3 ...))) with D_r = sum_j H_rj U_j.
/// </summary>
public sealed class RosenbrockTableau
{
    private RosenbrockTableau(string name, int order, int embeddedOrder, double gamma, double[] alpha, double[] gammaMatrix,
        double[] b, double[] bHat, double[] nodes, double[] gammaSums, double[] dense, int stages)
    {
        Name = name;
        Order = order;
        EmbeddedOrder = embeddedOrder;
        Stages = stages;
        Gamma = gamma;
        Alpha = [.. alpha];
        GammaMatrix = [.. gammaMatrix];
        B = [.. b];
        BHat = [.. bHat];
        Nodes = [.. nodes];
        GammaSums = [.. gammaSums];
        Dense = [.. dense];
        DenseOutputRows = dense.Length / stages;
        NodesArray = nodes;
        GammaSumsArray = gammaSums;
        DenseArray = dense;
        var gInv = InvertLower(gammaMatrix, stages);
        TransformedA = Multiply(alpha, gInv, stages);
        TransformedC = new double[stages * stages];
        for (var i = 0; i < stages; i++)
            for (var j = 0; j < i; j++) TransformedC[i * stages + j] = -gInv[i * stages + j];
        SolutionWeights = RowTimes(b, gInv, stages);
        ErrorWeights = RowTimes(bHat, gInv, stages);
        for (var i = 0; i < stages; i++) ErrorWeights[i] = SolutionWeights[i] - ErrorWeights[i];
    }

    /// <summary>Lower-case name, as <see cref="ByName"/> finds it.</summary>
    public string Name { get; }

    /// <summary>Classical order of the solution.</summary>
    public int Order { get; }

    /// <summary>Classical order of the embedded solution used for the error estimate.</summary>
    public int EmbeddedOrder { get; }

    /// <summary>Number of stages s.</summary>
    public int Stages { get; }

    /// <summary>The diagonal gamma = gamma_ii of every stage.</summary>
    public double Gamma { get; }

    /// <summary>alpha_ij row-major (s x s, strictly lower triangular).</summary>
    public ImmutableArray<double> Alpha { get; }

    /// <summary>gamma_ij row-major (s x s, lower triangular with diagonal <see cref="Gamma"/>).</summary>
    public ImmutableArray<double> GammaMatrix { get; }

    /// <summary>Weights b_i of the solution.</summary>
    public ImmutableArray<double> B { get; }

    /// <summary>Weights of the embedded solution.</summary>
    public ImmutableArray<double> BHat { get; }

    /// <summary>Nodes alpha_i (the stage times are t + alpha_i h); equal to the row sums of <see cref="Alpha"/>.</summary>
    public ImmutableArray<double> Nodes { get; }

    /// <summary>gamma_i, the row sums of <see cref="GammaMatrix"/> (coefficient of h f_t in stage i).</summary>
    public ImmutableArray<double> GammaSums { get; }

    /// <summary>Dense-output matrix H row-major (<see cref="DenseOutputRows"/> x s) acting on the transformed stages U_j.</summary>
    public ImmutableArray<double> Dense { get; }

    /// <summary>Rows of <see cref="Dense"/>; 0 when the method has no dense output (the solver then uses cubic Hermite).</summary>
    public int DenseOutputRows { get; }

    internal double[] NodesArray { get; }
    internal double[] GammaSumsArray { get; }
    internal double[] DenseArray { get; }
    internal double[] TransformedA { get; }
    internal double[] TransformedC { get; }
    internal double[] SolutionWeights { get; }
    internal double[] ErrorWeights { get; }

    /// <summary>
    /// RODAS5P: Steinebach, Improvement of Rosenbrock-Wanner method RODASP, BIT Numer. Math. 63, 27 (2023), 8 stages,
    /// order 5 (embedded 4), stiffly accurate, with a dense output of order 4. Coefficients (transformed form and dense
    /// output) as tabulated in SciML OrdinaryDiffEq.jl, lib/OrdinaryDiffEqRosenbrock/src/rosenbrock_tableaus.jl (Rodas5PTableau).
    /// </summary>
    public static RosenbrockTableau Rodas5P { get; } = FromTransformed("rodas5p", 5, 4, 0.21193756319429014,
        [0, 0, 0, 0, 0, 0, 0, 0,
         3.0, 0, 0, 0, 0, 0, 0, 0,
         2.849394379747939, 0.45842242204463923, 0, 0, 0, 0, 0, 0,
         -6.954028509809101, 2.489845061869568, -10.358996098473584, 0, 0, 0, 0, 0,
         2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641, 0, 0, 0, 0,
         -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 0, 0, 0,
         -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 1, 0, 0,
         -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946, 1, 1, 0],
        [0, 0, 0, 0, 0, 0, 0, 0,
         -14.155112264123755, 0, 0, 0, 0, 0, 0, 0,
         -17.97296035885952, -2.859693295451294, 0, 0, 0, 0, 0, 0,
         147.12150275711716, -1.41221402718213, 71.68940251302358, 0, 0, 0, 0, 0,
         165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306, 0, 0, 0, 0,
         24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471, 0, 0, 0,
         30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623, -28.087943162872662, 0, 0,
         37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002, -54.66780262877968, -9.48861652309627, 0],
        [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1],
        [0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0, 0],
        [25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073, 1.1241088310450404, 0.4272876194431874, -0.17202221070155493,
         -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044, 15.98066361424651, -6.789040303419874, -6.710236069923372,
         11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654, -59.78993625266729, -0.15582684282751913, 4.883087185713722]);

    /// <summary>
    /// RODAS4: Hairer and Wanner, Solving ODEs II, 2nd ed., IV.7 (code RODAS, coefficient routine ROCOEF with
    /// METH = 1), 6 stages, order 4 (embedded 3), stiffly accurate, with its dense output of order 3 (D21..D35 of ROCOEF).
    /// Values as in Hairer's rodas.f and SciML OrdinaryDiffEq.jl rosenbrock_tableaus.jl (Rodas4Tableau).
    /// </summary>
    public static RosenbrockTableau Rodas4 { get; } = FromTransformed("rodas4", 4, 3, 0.25,
        [0, 0, 0, 0, 0, 0,
         1.544, 0, 0, 0, 0, 0,
         0.9466785280815826, 0.2557011698983284, 0, 0, 0, 0,
         3.314825187068521, 2.896124015972201, 0.9986419139977817, 0, 0, 0,
         1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 0, 0,
         1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1, 0],
        [0, 0, 0, 0, 0, 0,
         -5.6688, 0, 0, 0, 0, 0,
         -2.430093356833875, -0.2063599157091915, 0, 0, 0, 0,
         -0.1073529058151375, -9.594562251023355, -20.47028614809616, 0, 0, 0,
         7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160, 0, 0,
         8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054, 0],
        [0, 0.386, 0.21, 0.63, 1, 1],
        [0.25, -0.1043, 0.1035, -0.0362, 0, 0],
        [10.12623508344586, -7.487995877610167, -34.80091861555747, -7.992771707568823, 1.025137723295662, 0,
         -0.6762803392801253, 6.087714651680015, 16.43084320892478, 24.76722511418386, -6.594389125716872, 0]);

    /// <summary>
    /// RODASPR2: Rang, Improved traditional Rosenbrock-Wanner methods for stiff ODEs and DAEs, J. Comput. Appl. Math. 286
    /// (2015) 128-144, 6 stages, order 4 (embedded 3), stiffly accurate, B_PR-consistent of order 3. Standard-form
    /// coefficients (alpha_ij, gamma_ij, b, bhat) as transcribed from the paper in dkaramit/NaBBODES (Rosenbrock METHOD.hpp);
    /// PETSc registers the same method as TSROSWRODASPR2. The paper gives no dense output: the solver interpolates with
    /// cubic Hermite polynomials for this method.
    /// </summary>
    public static RosenbrockTableau Rodaspr2 { get; } = FromStandard("rodaspr2", 4, 3, 0.3125,
        [0, 0, 0, 0, 0, 0,
         9.375e-1, 0, 0, 0, 0, 0,
         -4.7145892646261345e-2, 5.4531286650471122e-1, 0, 0, 0, 0,
         4.6915543899742240e-1, 4.4490537602383673e-1, -2.2498239334061121e-1, 0, 0, 0,
         1.0950372887345903, 6.3223023457294381e-1, -8.9232966090485821e-01, 1.6506213759732410e-1, 0, 0,
         -1.7746585073632790e-1, -5.8241418952602364e-1, 6.8180612588238165e-1, 7.6557391437996980e-1, 3.125e-1, 0],
        [0, 0, 0, 0, 0, 0,
         -9.3750000000000000e-01, 0, 0, 0, 0, 0,
         -9.7580572085994507e-02, -5.8666328499964138e-01, 0, 0, 0, 0,
         -4.9407065013256957e-01, -5.6819726428975503e-01, 5.0318949274167679e-01, 0, 0, 0,
         -1.2725031394709183, -1.2146444240989676, 1.5741357867872399, 6.0051177678264578e-01, 0, 0,
         6.9690744901421153e-01, 6.2237005730756434e-01, -1.1553701989197045, 1.8350029013386296e-01, -6.5990759753593431e-01, 0],
        [5.1944159827788361e-1, 3.9955867781540699e-2, -4.7356407303732290e-1, 9.4907420451383284e-1, -3.4740759753593431e-1, 3.125e-1],
        [-1.7746585073632790e-1, -5.8241418952602364e-1, 6.8180612588238165e-1, 7.6557391437996980e-1, 3.125e-1, 0]);

    /// <summary>The tableau named <paramref name="name"/> ("rodas5p", "rodaspr2", "rodas4", any case), or null.</summary>
    public static RosenbrockTableau? ByName(string name) => name.ToLowerInvariant() switch
    {
        "rodas5p" => Rodas5P,
        "rodaspr2" => Rodaspr2,
        "rodas4" => Rodas4,
        _ => null,
    };

    /// <inheritdoc/>
    public override string ToString() => Name;

    // From the transformed form of a stiffly accurate method (HW IV.7 (7.17)): y_new = U-stage s input + U_s, the embedded
    // solution is the input of stage s; Gamma = (diag(1/gamma) - C)^-1, alpha = a Gamma, b^T = m^T Gamma.
    private static RosenbrockTableau FromTransformed(string name, int order, int embedded, double gamma, double[] a, double[] c,
        double[] nodes, double[] gammaSums, double[] dense)
    {
        var s = nodes.Length;
        var gInv = new double[s * s];
        for (var i = 0; i < s; i++)
        {
            gInv[i * s + i] = 1 / gamma;
            for (var j = 0; j < i; j++) gInv[i * s + j] = -c[i * s + j];
        }
        var g = InvertLower(gInv, s);
        var m = new double[s];
        var mHat = new double[s];
        for (var j = 0; j < s - 1; j++) m[j] = mHat[j] = a[(s - 1) * s + j];
        m[s - 1] = 1;
        return new RosenbrockTableau(name, order, embedded, gamma, Multiply(a, g, s), g, RowTimes(m, g, s), RowTimes(mHat, g, s),
            nodes, gammaSums, dense, s);
    }

    private static RosenbrockTableau FromStandard(string name, int order, int embedded, double gamma, double[] alpha,
        double[] offDiagonalGamma, double[] b, double[] bHat)
    {
        var s = b.Length;
        var g = (double[])offDiagonalGamma.Clone();
        var nodes = new double[s];
        var sums = new double[s];
        for (var i = 0; i < s; i++)
        {
            g[i * s + i] = gamma;
            for (var j = 0; j < s; j++) { nodes[i] += alpha[i * s + j]; sums[i] += g[i * s + j]; }
        }
        return new RosenbrockTableau(name, order, embedded, gamma, alpha, g, b, bHat, nodes, sums, [], s);
    }

    private static double[] InvertLower(double[] l, int s)
    {
        var inv = new double[s * s];
        for (var col = 0; col < s; col++)
            for (var i = col; i < s; i++)
            {
                var sum = i == col ? 1.0 : 0.0;
                for (var k = col; k < i; k++) sum -= l[i * s + k] * inv[k * s + col];
                inv[i * s + col] = sum / l[i * s + i];
            }
        return inv;
    }

    private static double[] Multiply(double[] x, double[] y, int s)
    {
        var r = new double[s * s];
        for (var i = 0; i < s; i++)
            for (var j = 0; j < s; j++)
                for (var k = 0; k < s; k++) r[i * s + j] += x[i * s + k] * y[k * s + j];
        return r;
    }

    private static double[] RowTimes(double[] v, double[] m, int s)
    {
        var r = new double[s];
        for (var j = 0; j < s; j++)
            for (var k = 0; k < s; k++) r[j] += v[k] * m[k * s + j];
        return r;
    }
}
