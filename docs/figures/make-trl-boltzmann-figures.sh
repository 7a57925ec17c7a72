#!/usr/bin/env bash
# Regenerates the seed-001 Boltzmann figures (issue 10) in docs/figures from models/seesaw-z3.mdl (system trl) and the
# strong-washout card, with the real `modeldsl solve`, `scan --system trl` and `plot`. Run from the repository root:
#   bash docs/figures/make-trl-boltzmann-figures.sh
# Sign: the spec's eta_B = -(28/51) d eta_L is negative for this texture (the paper's convention, eta_B(constant g*) > 0,
# is its CP conjugate); log axes show |eta_B| and a ratio eta_B/eta_B(constant g*) is convention-free.
source "$(dirname "$0")/setup.sh"
spec=models/seesaw-z3.mdl
card=samples/trl/strong-washout.card

# Fig. 2: the collision terms of N_1 in units of z H(T) against z (decays + inverse decays, Delta L = 1 s- and t-channel
# top scatterings, Delta L = 2 RIS-subtracted); gauge scatterings are not in the model ([U] in the reconstruction).
modeldsl solve $spec --card $card --samples 300 --plot-unknowns rate_D rate_S_s rate_S_t rate_W --plot $out/trl-fig2-rates.png >/dev/null

# Fig. 5: the evolution of delta eta_N1 and eta_L (flavour sum) with and without the back-reaction term.
modeldsl solve $spec --card $card --samples 300 --out "$work/br-on.db" >/dev/null
modeldsl solve $spec --card $card --samples 300 --set backreaction=false --out "$work/br-off.db" >/dev/null
modeldsl plot "$work/br-on.db" "$work/br-off.db" --x z --z dN1,etaL_sph --logx --logz --xlabel "z = m_N/T" \
  --title "Fig. 5: |delta eta_N1| and |eta_L| with and without back-reaction (strong washout, 1 TeV)" --out $out/trl-fig5-backreaction.png

# Fig. 7: delta eta_N1 for varying (HP-C, GG) and constant g* at m_N = 30 GeV (linear axis: it turns negative near T_sph
# for the varying tables), and the log-log evolution for HP-C with negative values circled.
for d in hp_c gg g_const; do
  modeldsl solve $spec --card $card --set "mN=30 GeV" --set dofs=$d --samples 300 --out "$work/f7-$d.db" >/dev/null
done
modeldsl plot "$work/f7-hp_c.db" "$work/f7-gg.db" "$work/f7-g_const.db" --x z --z dN1 --logx --contours 0 --xlabel "z = m_N/T" --ylabel "delta eta_N1" \
  --title "Fig. 7: delta eta_N1 at m_N = 30 GeV for HP model C, Gondolo-Gelmini and constant g*" --out $out/trl-fig7-deltaN.png
modeldsl solve $spec --card $card --set "mN=30 GeV" --set dofs=hp_c --samples 300 --plot-unknowns dN1 etaL_sph \
  --plot $out/trl-fig7b-hpc-30GeV.png >/dev/null

# Fig. 8: eta_B against m_N (10 GeV .. 5 TeV) for HP model C, Gondolo-Gelmini and constant g*, and the ratio to constant g*.
for d in hp_c gg g_const; do
  modeldsl scan $spec --card $card --grid "mN=10:5000:60:log" --set dofs=$d --system trl --out "$work/f8-$d.db" >/dev/null
done
modeldsl plot "$work/f8-hp_c.db" "$work/f8-gg.db" "$work/f8-g_const.db" --x mN --z eta_B --logx --logz --xlabel "m_N (GeV)" --ylabel "|eta_B|" \
  --title "Fig. 8(a): |eta_B| against m_N; the dips are the sign flips of HP-C (40 GeV) and GG (28 GeV)" --out $out/trl-fig8a-etaB.png
modeldsl plot "$work/f8-hp_c.db" "$work/f8-gg.db" --x mN --z eta_B --logx --relative-to "$work/f8-g_const.db" --contours 0,1 --xlabel "m_N (GeV)" --ylabel "eta_B / eta_B(constant g*)" \
  --title "Fig. 8(b): eta_B / eta_B(constant g*) against m_N (GeV)" --out $out/trl-fig8b-ratio.png

# Fig. 9: the evolution at a heavier (5 TeV: eta_B set by freeze-out after the maximum) and a lighter (100 GeV: set at the
# maximum) neutrino, HP model C.
modeldsl solve $spec --card $card --set "mN=5 TeV" --samples 300 --plot-unknowns dN1 etaL_sph --plot $out/trl-fig9a-5TeV.png >/dev/null
modeldsl solve $spec --card $card --set "mN=100 GeV" --samples 300 --plot-unknowns dN1 etaL_sph --plot $out/trl-fig9b-100GeV.png >/dev/null

# Fig. 10(a), second panel: |eta_B| of the Fig. 10 card (fitted texture, a = b = c = 0.02) against m_N with the observed
# eta_B = (6.104 +- 0.058)e-10 (1.1) as reference lines: where the curve meets them is the eta_B = eta_obs region.
modeldsl scan $spec --card samples/trl/fig10.card --grid "mN=100:10000:41:log" --system trl --out "$work/f10b.db" >/dev/null
modeldsl plot "$work/f10b.db" --x mN --z eta_B --logx --logz --xlabel "m_N (GeV)" --ylabel "|eta_B|" --lines "eta_obs=6.104e-10,eta_obs - 1 sigma=6.046e-10,eta_obs + 1 sigma=6.162e-10" \
  --title "Fig. 10(a), eta_B panel: |eta_B| of the Fig. 10 card (a = b = c = 0.02) against m_N (GeV)" --out $out/trl-fig10a-etaB.png
