#!/usr/bin/env bash
# Regenerates the seed-001 (tri-resonant leptogenesis) figures in docs/figures from the shipped model and
# cards, with the real `modeldsl` commands (scan into SQLite, then plot). Run from the repository root:
#   bash docs/figures/make-trl-figures.sh
source "$(dirname "$0")/setup.sh"
spec=models/seesaw-z3.mdl

# Fig. 1: eps_N1..3 and eps_N against m_N3, with N2 at the bi-resonant point m_N2 - m_N1 = Gamma_N1/2 (benchmark C,
# 1 TeV). The axis d32 = (m_N3 - m_N2)/Gamma_N2: d32 = 1/2 is the tri-resonant point, d32 = 0 and about -1/2 are
# m_N3 = m_N2 and m_N3 = m_N1.
modeldsl scan $spec --card samples/trl/benchmark-C.card --grid "d32=-1.5:3:451" --out "$work/f1.db"
modeldsl plot "$work/f1.db" --x d32 --z eps_N1,eps_N2,eps_N3,eps_total --contours 0 --xlabel "(m_N3 - m_N2)/Gamma_N2" --ylabel "CP asymmetry" \
  --title "Fig. 1(a): eps_N1..3, eps_N against (m_N3 - m_N2)/Gamma_N2 (benchmark C)" --out $out/trl-fig1a-eps.png
# three- against two-neutrino mixing (the bi-resonant approximation: three_mixing = false; a grid over a switch takes 0 and 1)
modeldsl scan $spec --card samples/trl/benchmark-C.card --grid "d32=-1.5:3:451" --grid "three_mixing=0:1:2" --out "$work/f1b.db"
modeldsl plot "$work/f1b.db" --x d32 --series three_mixing --z eps_total --contours 0 --xlabel "(m_N3 - m_N2)/Gamma_N2" --ylabel "eps_N" \
  --title "Fig. 1(b): eps_N, three-neutrino mixing (1) against bi-resonant (0)" --out $out/trl-fig1b-mixing.png

# Fig. 10(a): cLFV rates of the fitted texture against the heavy mass, with the limits (3.8) and sensitivities (3.9).
modeldsl scan $spec --card samples/trl/fig10.card --grid "mN=100:10000:161:log" --out "$work/f10.db"
modeldsl plot "$work/f10.db" --x mN --z BR_mu_e_gamma,BR_mu_3e,CR_mu_e_Al,CR_mu_e_Ti,CR_mu_e_Au --logx --logy \
  --xlabel "m_N (GeV)" --ylabel "branching ratio, conversion rate" \
  --lines "MEG 2016=4.2e-13,SINDRUM mu->3e=1e-12,SINDRUM II Au=7e-13,MEG II=6e-14,Mu3e=1e-16,COMET/Mu2e Al=1e-17,PRISM Ti=1e-18" \
  --title "Fig. 10(a): cLFV for the fitted texture, a = b = c = 0.02" --out $out/trl-fig10a-clfv.png

# delta_h - 1 = (1/3) d ln h_eff/d ln T (4.18) against T for every g*(T) table (ln-ln splines of data/dof), one scan
# of the kernel delta_h_probe over T_probe per table choice. g_const (h_eff = 106.75) gives exactly 0, which a log
# axis cannot show: it is in the legend without a curve. Above 12.6 TeV (the tables' end) every value is 0.
for d in hp_a hp_b hp_c gg g_const; do
  modeldsl scan $spec --card samples/trl/benchmark-C.card --grid "T_probe=10:20000:400:log" --set dofs=$d --out "$work/dh-$d.db" >/dev/null
done
modeldsl plot "$work"/dh-hp_a.db "$work"/dh-hp_b.db "$work"/dh-hp_c.db "$work"/dh-gg.db "$work"/dh-g_const.db \
  --x T_probe --z delta_h_probe --logx --logy --xlabel "T (GeV)" --ylabel "delta_h - 1" \
  --title "delta_h - 1 against T (GeV) per g* table; g_const = 0 exactly (not drawable on a log axis)" --out $out/trl-delta-h.png
