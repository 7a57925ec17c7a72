namespace ModelDsl.Physics.Trl;

/// <summary>
/// One row of TRL Table 1 (arXiv:2206.08352) for mu -> e conversion (3.6): the overlap integrals V^(p), V^(n), D
/// in units of m_mu^(5/2) (Kitano, Koike, Okada, hep-ph/0203110) and the muon capture rate Gamma_capt in s^-1.
/// <paramref name="CaptureRateAsPrintedInTrl"/> keeps TRL's printed value (a misprint for Al, trl-formulas.md section 2.1).
/// </summary>
public sealed record Nucleus(string Name, int Z, int A, double Vp, double Vn, double D, double CaptureRate, double CaptureRateAsPrintedInTrl);
