import { describe, expect, it } from 'vitest';
import { findPlace, gazetteerCollisions, listPlaces, placeById, suggestPlaces } from './find-place.ts';

describe('gazetteer', () => {
  it('has no name claimed by two places', () => {
    expect(gazetteerCollisions()).toEqual([]);
  });

  it('holds the 17 regions and 3 cities of republican significance of the 2022 reform', () => {
    const regions = listPlaces().filter((p) => p.kind === 'region');
    expect(regions).toHaveLength(17);
    expect(regions.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Abai Region', 'Jetisu Region', 'Ulytau Region']),
    );
    const republican = listPlaces()
      .filter((p) => p.status === 'republican-city')
      .map((p) => p.name);
    expect(republican.sort()).toEqual(['Almaty', 'Astana', 'Shymkent']);
    // every region's centre is in the gazetteer and lies in that region
    for (const region of regions) {
      const centre = listPlaces().find((p) => p.status === 'regional-centre' && p.regionId === region.id);
      expect(centre, region.name).toBeDefined();
    }
  });

  it('keeps every coordinate inside Kazakhstan and to at most 4 decimals', () => {
    for (const p of listPlaces()) {
      expect(p.latitude, p.name).toBeGreaterThan(40.5);
      expect(p.latitude, p.name).toBeLessThan(55.5);
      expect(p.longitude, p.name).toBeGreaterThan(46.4);
      expect(p.longitude, p.name).toBeLessThan(87.4);
      expect(Math.round(p.latitude * 1e4) / 1e4).toBe(p.latitude);
      expect(Math.round(p.longitude * 1e4) / 1e4).toBe(p.longitude);
    }
  });

  // Old and new names, Kazakh / Russian / English, Latin and Cyrillic.
  const names: readonly [string, string][] = [
    ['Astana', 'astana'],
    ['Nur-Sultan', 'astana'],
    ['nur sultan', 'astana'],
    ['Нур-Султан', 'astana'],
    ['Нұр-Сұлтан', 'astana'],
    ['Akmola', 'astana'],
    ['Акмола', 'astana'],
    ['Tselinograd', 'astana'],
    ['Целиноград', 'astana'],
    ['АСТАНА', 'astana'],
    ['Uralsk', 'uralsk'],
    ['Oral', 'uralsk'],
    ['Уральск', 'uralsk'],
    ['Орал', 'uralsk'],
    ['Ust-Kamenogorsk', 'ust-kamenogorsk'],
    ['Ust Kamenogorsk', 'ust-kamenogorsk'],
    ['Oskemen', 'ust-kamenogorsk'],
    ['Öskemen', 'ust-kamenogorsk'],
    ['Өскемен', 'ust-kamenogorsk'],
    ['Усть-Каменогорск', 'ust-kamenogorsk'],
    ['Kapchagay', 'konaev'],
    ['Konaev', 'konaev'],
    ['Qonaev', 'konaev'],
    ['Қонаев', 'konaev'],
    ['Капчагай', 'konaev'],
    ['Petropavlovsk', 'petropavl'],
    ['Petropavl', 'petropavl'],
    ['Петропавл', 'petropavl'],
    ['Петропавловск', 'petropavl'],
    ['Almaty', 'almaty'],
    ['Alma-Ata', 'almaty'],
    ['Алматы', 'almaty'],
    ['Алма-Ата', 'almaty'],
    ['г. Алматы', 'almaty'],
    ['Almaty city', 'almaty'],
    ['Shymkent', 'shymkent'],
    ['Chimkent', 'shymkent'],
    ['Шымкент', 'shymkent'],
    ['Чимкент', 'shymkent'],
    ['Semey', 'semey'],
    ['Semipalatinsk', 'semey'],
    ['Семипалатинск', 'semey'],
    ['Kyzylorda', 'kyzylorda'],
    ['Qyzylorda', 'kyzylorda'],
    ['Қызылорда', 'kyzylorda'],
    ['Karaganda', 'karaganda'],
    ['Қарағанды', 'karaganda'],
    ['Aktobe', 'aktobe'],
    ['Актюбинск', 'aktobe'],
    ['Zhanaozen', 'zhanaozen'],
    ['Жаңаөзен', 'zhanaozen'],
    ['Satpayev', 'satpayev'],
    ['Ridder', 'ridder'],
    ['Лениногорск', 'ridder'],
    ['Baikonur', 'baikonur'],
    ['Байқоңыр', 'baikonur'],
    ['Temirtau', 'temirtau'],
    ['Turkistan', 'turkistan'],
    ['Туркестан', 'turkistan'],
    ['Almaty Region', 'almaty-region'],
    ['Алматинская область', 'almaty-region'],
    ['Akmola Region', 'akmola'],
    ['Ақмола облысы', 'akmola'],
    ['Abai Region', 'abai'],
    ['Абайская область', 'abai'],
    ['Jetisu Region', 'jetisu'],
    ['Жетісу облысы', 'jetisu'],
    ['Ulytau Region', 'ulytau'],
    ['Ұлытау облысы', 'ulytau'],
    ['Almaly district, Almaty', 'almaty'],
    ['Oral, West Kazakhstan Region', 'uralsk'],
  ];
  it.each(names)('finds %s', (name, id) => {
    expect(findPlace(name)?.id).toBe(id);
  });

  it("gives a city its admin1 region and a region its centre's coordinates", () => {
    expect(findPlace('Oral')?.region).toBe('West Kazakhstan Region');
    expect(findPlace('Semey')?.region).toBe('Abai Region');
    expect(findPlace('Taldykorgan')?.region).toBe('Jetisu Region');
    expect(findPlace('Zhezkazgan')?.region).toBe('Ulytau Region');
    expect(findPlace('Nur-Sultan')?.region).toBe('Astana');
    const almatyRegion = findPlace('Almaty Region');
    expect([almatyRegion?.latitude, almatyRegion?.longitude]).toEqual([
      placeById('konaev')?.latitude,
      placeById('konaev')?.longitude,
    ]);
    expect(findPlace('Astana')?.latitude).toBeCloseTo(51.17, 1);
    expect(findPlace('Astana')?.longitude).toBeCloseTo(71.45, 1);
  });

  it('reports an unknown place as null and never guesses', () => {
    expect(findPlace('Atlantis')).toBeNull();
    expect(findPlace('Almati')).toBeNull();
    expect(findPlace('')).toBeNull();
    expect(findPlace('Almaty, Shymkent')).toBeNull();
    expect(suggestPlaces('Almati')).toContain('Almaty');
  });
});
