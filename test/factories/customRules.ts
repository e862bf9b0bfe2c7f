/** The worked example of docs/zh/自定义规则.md. */
export const heavyTruckRule = {
  code: 'C01',
  name: { zh: '耕地补贴领取人名下有货车', en: 'Farmland subsidy to a truck owner' },
  severity: '低',
  programs: ['GD'],
  people: 'beneficiary',
  fact: {
    dataset: 'vehicles',
    when: 'valid_in_period',
    where: [{ field: 'vehicle_type', op: 'in', value: ['重型货车', '中型货车'] }],
  },
  hitWhen: 'exists',
  explanation:
    '{name}名下有号牌为{fact}的货车（{date}登记），{periods}领取{program}共{amount}，请核实是否仍在务农',
};
